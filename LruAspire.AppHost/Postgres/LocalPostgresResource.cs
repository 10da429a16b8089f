using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace LruAspire.AppHost.Postgres;

/// <summary>
/// PostgreSQL run from the machine's own binaries as an Aspire executable. It exposes the same kind of
/// connection string as Aspire's container resource, so the API cannot tell the two apart.
/// </summary>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>The name of the server's TCP endpoint.</summary>
    public const string EndpointName = "tcp";

    /// <summary>The superuser that initdb creates and the connection string names.</summary>
    public const string UserName = "postgres";

    private EndpointReference? _primaryEndpoint;

    /// <summary>The superuser's password; the data directory is made to accept it at every start.</summary>
    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>The server's TCP endpoint on loopback.</summary>
    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, EndpointName);

    /// <summary><c>Host=…;Port=…;Username=postgres;Password=…</c>, without a database.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create(
            $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");
}

/// <summary>A database inside a <see cref="LocalPostgresServerResource"/>; created when the server is ready.</summary>
public sealed class LocalPostgresDatabaseResource(string name, string databaseName, LocalPostgresServerResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresServerResource>, IResourceWithConnectionString
{
    /// <summary>The server the database lives in.</summary>
    public LocalPostgresServerResource Parent { get; } = parent;

    /// <summary>The database's name inside PostgreSQL (the resource name may differ).</summary>
    public string DatabaseName { get; } = databaseName;

    /// <summary>The server's connection string with <c>Database=</c> this database.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

/// <summary>Adds <see cref="LocalPostgresServerResource"/> and <see cref="LocalPostgresDatabaseResource"/> to the app model.</summary>
public static class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// Adds PostgreSQL run from the binaries in <paramref name="binDirectory"/>. The data directory is initialised
    /// on first start and reused afterwards; readiness is a real <c>SELECT 1</c> over TCP with the password, not
    /// just "process started".
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, ParameterResource password, string binDirectory, string dataDirectory)
    {
        var cluster = new LocalPostgresCluster(binDirectory, dataDirectory);
        var (command, prefix) = FastShutdown.ServerCommand(cluster.ServerPath);
        var server = new LocalPostgresServerResource(name, command, builder.AppHostDirectory, password);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, cancellationToken) =>
            await cluster.EnsureReadyAsync(await password.GetValueAsync(cancellationToken) ?? "", cancellationToken));

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, cancellationToken) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken));

        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (_, cancellationToken) =>
        {
            foreach (var database in builder.Resources.OfType<LocalPostgresDatabaseResource>().Where(d => d.Parent == server))
            {
                await CreateDatabaseAsync(connectionString!, database.DatabaseName, cancellationToken);
            }
        });

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException("The connection string is not available yet."),
            name: healthCheckKey,
            configure: connection => connection.ConnectionString += ";Database=postgres");

        return builder.AddResource(server)
            // Not behind Aspire's proxy: the proxy keeps accepting connections while PostgreSQL is stopped and
            // then says nothing, so clients hang until their timeouts. Direct, a stopped server refuses at once
            // and the API can answer 503 in milliseconds. Unproxied endpoints need a concrete port.
            .WithEndpoint(name: LocalPostgresServerResource.EndpointName, scheme: "tcp", port: FreeLoopbackPort(), isProxied: false)
            .WithArgs(context =>
            {
                foreach (var argument in prefix)
                {
                    context.Args.Add(argument);
                }
                context.Args.Add("-D");
                context.Args.Add(dataDirectory);
                context.Args.Add("-p");
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                // Loopback only, no Unix socket (its default directory may not exist or may belong to a
                // system-wide server), and room for two API replicas' connection pools.
                context.Args.Add("-c");
                context.Args.Add("listen_addresses=127.0.0.1");
                context.Args.Add("-c");
                context.Args.Add("unix_socket_directories=");
                context.Args.Add("-c");
                context.Args.Add("max_connections=300");
            })
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>Adds a database that is created (if missing) as soon as the server is ready.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, server.Resource);

        string? connectionString = null;
        server.ApplicationBuilder.Eventing.Subscribe<ConnectionStringAvailableEvent>(database, async (_, cancellationToken) =>
            connectionString = await database.ConnectionStringExpression.GetValueAsync(cancellationToken));

        var healthCheckKey = $"{name}_check";
        server.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException("The connection string is not available yet."),
            name: healthCheckKey);

        // Aspire gives a container's child resources their parent's state, but not an executable's; without
        // this the database would never leave "NotStarted" and WaitFor(database) would wait forever.
        server.ApplicationBuilder.Eventing.Subscribe<InitializeResourceEvent>(database, (@event, _) =>
        {
            var stopping = @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            Task.Run(() => MirrorParentStateAsync(@event.Notifications, database, stopping), stopping);
            return Task.CompletedTask;
        });

        return server.ApplicationBuilder.AddResource(database).WithHealthCheck(healthCheckKey);
    }

    private static async Task MirrorParentStateAsync(ResourceNotificationService notifications, LocalPostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                if (update.Resource == database.Parent)
                {
                    await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                    {
                        State = update.Snapshot.State,
                        StartTimeStamp = update.Snapshot.StartTimeStamp,
                        StopTimeStamp = update.Snapshot.StopTimeStamp,
                    });
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static async Task CreateDatabaseAsync(string serverConnectionString, string databaseName, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString + ";Database=postgres");
        await connection.OpenAsync(cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = databaseName });
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        var quotedName = "\"" + databaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quotedName}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A loopback TCP port that nothing listens on right now, chosen by the operating system.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
