using System.Security.Cryptography;
using System.Text;

namespace LruAspire.AppHost.Postgres;

public static class PostgresDatabaseExtensions
{
    /// <summary>
    /// Adds the PostgreSQL server <paramref name="serverName"/> and its database <paramref name="databaseName"/>,
    /// as a container or from local binaries according to <c>Postgres:Mode</c>. Publishing always uses the
    /// container, so a deployment manifest never depends on the developer's machine.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddPostgresDatabase(
        this IDistributedApplicationBuilder builder, string serverName, string databaseName)
    {
        var settings = PostgresSettings.From(builder.Configuration);
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{serverName}-password");
        var passwordBuilder = builder.AddResource(password);

        if (builder.ExecutionContext.IsPublishMode || ResolveMode(builder, settings) == PostgresMode.Container)
        {
            // A published volume gets a fixed name: the default one hashes the AppHost's path, so a deployment
            // from another checkout would get a new, empty volume.
            return builder.AddPostgres(serverName, password: passwordBuilder)
                .WithDataVolume(builder.ExecutionContext.IsPublishMode ? $"{serverName}-data" : null)
                .AddDatabase(databaseName);
        }

        var binDirectory = PostgresBinaries.FindAsync(settings.BinDirectory).GetAwaiter().GetResult()
            ?? throw NoPostgres(settings);
        var dataDirectory = settings.DataDirectory ?? DefaultDataDirectory(builder.AppHostDirectory);
        return builder.AddLocalPostgres(serverName, password, binDirectory, dataDirectory).AddDatabase(databaseName);
    }

    private static PostgresMode ResolveMode(IDistributedApplicationBuilder builder, PostgresSettings settings)
    {
        if (settings.Mode != PostgresMode.Auto)
        {
            return settings.Mode;
        }
        if (ContainerRuntimeProbe.IsAvailableAsync(builder.Configuration).GetAwaiter().GetResult())
        {
            return PostgresMode.Container;
        }
        if (PostgresBinaries.FindAsync(settings.BinDirectory).GetAwaiter().GetResult() is not null)
        {
            return PostgresMode.Local;
        }
        throw NoPostgres(settings);
    }

    /// <summary>One folder per checkout, outside the user's home so the postgres OS user can reach it.</summary>
    private static string DefaultDataDirectory(string appHostDirectory)
    {
        var checkout = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(appHostDirectory)))[..12].ToLowerInvariant();
        return Path.Combine("/var/tmp/lruaspire", $"pgdata-{checkout}");
    }

    private static DistributedApplicationException NoPostgres(PostgresSettings settings) => new(
        "PostgreSQL is not available: no container runtime answered and no local PostgreSQL server binaries were found"
        + (settings.BinDirectory is null ? "" : $" in Postgres:BinDirectory '{settings.BinDirectory}'")
        + ". Start Docker or Podman, or install PostgreSQL (e.g. 'apt-get install postgresql'), "
        + "or set Postgres:BinDirectory to the folder that contains initdb and postgres.");
}
