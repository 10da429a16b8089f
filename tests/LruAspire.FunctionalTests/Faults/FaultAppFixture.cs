using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace LruAspire.FunctionalTests.Faults;

/// <summary>
/// The real AppHost (local PostgreSQL, two API replicas) set up for fault injection: both replicas' invalidation
/// listeners connect through a <see cref="TcpFaultProxy"/> (<c>ItemInvalidation:Host</c>/<c>Port</c>), while
/// their pooled connections go to PostgreSQL directly; the load generator stays idle so the only traffic is the
/// tests'; and the fixture knows the data directory, to find the postmaster's process id.
/// </summary>
public sealed class FaultAppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lruaspire-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<(string ResourceId, int ProcessId), ApiReplica> _replicas = [];

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>Between the replicas' LISTEN connections and PostgreSQL.</summary>
    internal TcpFaultProxy ListenerProxy { get; } = new();

    public string WriteKey { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public string DatabaseConnectionString { get; private set; } = null!;

    /// <summary>The process id of the PostgreSQL postmaster (the parent of every backend).</summary>
    public int PostmasterPid => int.Parse(File.ReadLines(Path.Combine(_dataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LruAspire_AppHost>(
        [
            "Postgres:Mode=local",
            $"Postgres:DataDirectory={_dataDirectory}",
            $"Parameters:api-write-key={WriteKey}",
        ]);
        builder.CreateResourceBuilder<ProjectResource>("api")
            .WithEnvironment("ItemInvalidation__Host", "127.0.0.1")
            .WithEnvironment("ItemInvalidation__Port", ListenerProxy.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.CreateResourceBuilder<ProjectResource>("loadgen").WithEnvironment("Load__Scenario", "none");

        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        DatabaseConnectionString = await App.GetConnectionStringAsync("lrudb", timeout.Token)
            ?? throw new InvalidOperationException("lrudb has no connection string.");
        var database = new NpgsqlConnectionStringBuilder(DatabaseConnectionString);
        ListenerProxy.ForwardTo(database.Host!, database.Port);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
    }

    /// <summary>
    /// The API replicas running right now, each with its DCP name, its own address (not the shared proxy's) and
    /// process id, once each answers <c>/health</c> itself.
    /// </summary>
    public async Task<IReadOnlyList<ApiReplica>> ReplicasAsync(CancellationToken cancellationToken)
    {
        const int expected = 2;
        var replicas = new Dictionary<string, (Uri Address, int ProcessId)>();
        await foreach (var update in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (update.Resource.Name != "api")
            {
                continue;
            }
            replicas.Remove(update.ResourceId);
            if (update.Snapshot.HealthStatus == HealthStatus.Healthy
                && update.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == "ASPNETCORE_URLS")?.Value is { Length: > 0 } urls
                && update.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid)
            {
                replicas[update.ResourceId] = (new Uri(urls.Split(';')[0]), Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture));
            }
            if (replicas.Count == expected)
            {
                break;
            }
        }
        var running = new List<ApiReplica>();
        foreach (var (resourceId, (address, processId)) in replicas.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!_replicas.TryGetValue((resourceId, processId), out var replica))
            {
                _replicas[(resourceId, processId)] = replica = new ApiReplica(resourceId, address, processId);
            }
            await replica.WaitUntilAnsweringAsync(cancellationToken);
            running.Add(replica);
        }
        return running;
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        await ListenerProxy.DisposeAsync();
        foreach (var replica in _replicas.Values)
        {
            replica.Dispose();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the run.
        }
    }
}

/// <summary>
/// An app of its own for the fault tests: they hang PostgreSQL, blind the listeners and kill replicas. Not run in
/// parallel with other collections, so their timings are not skewed by another AppHost starting on a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultAppCollection : ICollectionFixture<FaultAppFixture>
{
    public const string Name = "LruAspire app with injected faults";
}
