using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LruAspire.FunctionalTests;

/// <summary>
/// Starts the real AppHost once for a test collection: local PostgreSQL from the machine's binaries (in a
/// fresh data directory), the API (two replicas, the run-mode default) and the load generator. Starting takes
/// seconds and stopping ~13 s, so tests share one app instead of paying that per test.
/// </summary>
public sealed class LruAppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lruaspire-tests", Guid.NewGuid().ToString("N"));

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The API through Aspire's proxy, which pins each connection to one replica.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>One client per API replica, each on that replica's own address (not the proxy).</summary>
    public IReadOnlyList<HttpClient> Replicas { get; private set; } = [];

    /// <summary>The value of the <c>api-write-key</c> secret parameter the API was started with.</summary>
    public string WriteKey { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>The <c>lrudb</c> connection string, for tests that look at or act on PostgreSQL directly.</summary>
    public string DatabaseConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LruAspire_AppHost>(
        [
            "Postgres:Mode=local",
            $"Postgres:DataDirectory={_dataDirectory}",
            // Supplying the secret parameter keeps the test run from generating one into user secrets.
            $"Parameters:api-write-key={WriteKey}",
        ]);

        // A short startup run that is over before the tests assert on counters, so they see only their own
        // traffic; runs started by commands stay small and inside keys 1..100 too.
        builder.CreateResourceBuilder<ProjectResource>("loadgen")
            .WithEnvironment("Load__Profiles__gentle__Duration", "00:00:05")
            .WithEnvironment("Load__Profiles__gentle__ThinkTimeMin", "00:00:00.050")
            .WithEnvironment("Load__Profiles__gentle__ThinkTimeMax", "00:00:00.100")
            .WithEnvironment("Load__Profiles__gentle__KeySpace", "100")
            .WithEnvironment("Load__Profiles__gentle__ZipfExponent", "0")
            .WithEnvironment("Load__Profiles__saturate__Users", "4")
            .WithEnvironment("Load__Profiles__saturate__SpawnRate", "4")
            .WithEnvironment("Load__Profiles__saturate__Duration", "00:00:02")
            .WithEnvironment("Load__Profiles__saturate__KeySpace", "100")
            .WithEnvironment("Load__ResultsDirectory", Path.Combine(_dataDirectory, "loadgen-results"));

        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        Api = App.CreateHttpClient("api");
        Replicas = await ConnectToReplicasAsync(timeout.Token);
        DatabaseConnectionString = await App.GetConnectionStringAsync("lrudb", timeout.Token)
            ?? throw new InvalidOperationException("lrudb has no connection string.");
    }

    /// <summary>
    /// Finds each replica's own address. Aspire publishes one snapshot per replica (its DCP name is the event's
    /// ResourceId) whose effective environment holds the ASPNETCORE_URLS that replica listens on; the endpoint
    /// URLs in the snapshot are the shared proxy's.
    /// </summary>
    private async Task<IReadOnlyList<HttpClient>> ConnectToReplicasAsync(CancellationToken cancellationToken)
    {
        const int expected = 2;
        var addresses = new Dictionary<string, Uri>();
        await foreach (var update in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (update.Resource.Name != "api"
                || update.Snapshot.HealthStatus != HealthStatus.Healthy
                || update.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == "ASPNETCORE_URLS")?.Value is not { Length: > 0 } urls)
            {
                continue;
            }
            addresses[update.ResourceId] = new Uri(urls.Split(';')[0]);
            if (addresses.Count == expected)
            {
                break;
            }
        }
        var replicas = addresses.Values.Select(address => new HttpClient { BaseAddress = address }).ToList();
        foreach (var replica in replicas)
        {
            await WaitUntilListeningAsync(replica, cancellationToken);
        }
        return replicas;
    }

    /// <summary>
    /// The health Aspire reports for a replica comes from checks made through the shared proxy, so one healthy
    /// replica can make both look healthy; ask each replica itself before a test talks to it directly.
    /// </summary>
    private static async Task WaitUntilListeningAsync(HttpClient replica, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var response = await replica.GetAsync("/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        foreach (var replica in Replicas)
        {
            replica.Dispose();
        }
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
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

[CollectionDefinition(Name)]
public sealed class LruAppCollection : ICollectionFixture<LruAppFixture>
{
    public const string Name = "LruAspire app";
}
