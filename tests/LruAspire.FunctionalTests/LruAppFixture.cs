using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LruAspire.FunctionalTests;

/// <summary>
/// The app as a user runs it: local PostgreSQL, the API (two replicas, the run-mode default) and the load
/// generator, whose runs are made short and kept to keys 1..100 so tests can use other keys as cold ones.
/// Tests join it with <c>[Collection(LruAppCollection.Name)]</c>.
/// </summary>
public sealed class LruAppFixture : AppHostFixture
{
    /// <summary>One client per API replica, each on that replica's own address (not the proxy).</summary>
    public IReadOnlyList<HttpClient> Replicas { get; private set; } = [];

    /// <summary>The value of the <c>api-write-key</c> secret parameter the API was started with.</summary>
    public string WriteKey { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>The <c>lrudb</c> connection string, for tests that look at or act on PostgreSQL directly.</summary>
    public string DatabaseConnectionString { get; private set; } = null!;

    // Supplying the secret parameter keeps the test run from generating one into user secrets.
    protected override IEnumerable<string> Arguments => [$"Parameters:api-write-key={WriteKey}"];

    protected override Task ConfigureAsync(IDistributedApplicationTestingBuilder builder)
    {
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
            .WithEnvironment("Load__ResultsDirectory", Path.Combine(DataDirectory, "loadgen-results"));
        return Task.CompletedTask;
    }

    protected override async Task OnStartedAsync(CancellationToken cancellationToken)
    {
        Replicas = await ConnectToReplicasAsync(cancellationToken);
        DatabaseConnectionString = await App.GetConnectionStringAsync("lrudb", cancellationToken)
            ?? throw new InvalidOperationException("lrudb has no connection string.");
    }

    protected override ValueTask OnStoppedAsync()
    {
        foreach (var replica in Replicas)
        {
            replica.Dispose();
        }
        return ValueTask.CompletedTask;
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
}

[CollectionDefinition(Name)]
public sealed class LruAppCollection : ICollectionFixture<LruAppFixture>
{
    public const string Name = "LruAspire app";
}
