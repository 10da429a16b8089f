using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace LruAspire.FunctionalTests;

/// <summary>
/// Starts the real AppHost once for a test collection: local PostgreSQL from the machine's binaries (in a
/// fresh data directory), the API and the load generator. Starting takes seconds and stopping ~13 s, so tests
/// share one app instead of paying that per test.
/// </summary>
public sealed class LruAppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lruaspire-tests", Guid.NewGuid().ToString("N"));

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LruAspire_AppHost>(
        [
            "Postgres:Mode=local",
            $"Postgres:DataDirectory={_dataDirectory}",
        ]);

        // A short startup run that is over before the tests assert on counters, so they see only their own
        // traffic; runs started by commands stay small and inside keys 1..100 too.
        builder.CreateResourceBuilder<ProjectResource>("loadgen")
            .WithEnvironment("Load__Profiles__gentle__Duration", "00:00:02")
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
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
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
