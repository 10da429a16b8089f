using Aspire.Hosting;

namespace LruAspire.FunctionalTests;

/// <summary>
/// Starts the real AppHost (<c>LruAspire.AppHost</c>) once for a test collection and stops it afterwards:
/// PostgreSQL from the machine's binaries in a fresh data directory, then every resource, and a client for the
/// API once it is healthy. Starting takes seconds and stopping ~13 s, so tests share one app instead of paying
/// that per test.
/// </summary>
/// <remarks>
/// To give tests an app of their own, derive from this class and override only what differs:
/// <see cref="Arguments"/> (configuration, e.g. <c>Api:Replicas=1</c>), <see cref="ConfigureAsync"/> (change or
/// remove resources before the app is built), <see cref="OnStartedAsync"/> (work the tests then read, e.g. a
/// scenario to observe) and <see cref="OnStoppedAsync"/> (release what the fixture started itself). Then add an
/// <c>ICollectionFixture</c> collection for it, as <see cref="LruAppCollection"/> does.
/// </remarks>
public abstract class AppHostFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The running app: resource notifications, resource commands, connection strings, endpoints.</summary>
    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The <c>api</c> resource through Aspire's proxy (with several replicas it pins each connection to one).</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>A fresh folder for this app's PostgreSQL cluster and other files; deleted when the app has stopped.</summary>
    protected string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "lruaspire-tests", Guid.NewGuid().ToString("N"));

    /// <summary>AppHost configuration in addition to local PostgreSQL in <see cref="DataDirectory"/>, as <c>Key=value</c>.</summary>
    protected virtual IEnumerable<string> Arguments => [];

    /// <summary>Changes the app model before it is built; runs after the AppHost's own code.</summary>
    protected virtual Task ConfigureAsync(IDistributedApplicationTestingBuilder builder) => Task.CompletedTask;

    /// <summary>Runs once <c>api</c> is healthy and <see cref="Api"/> is set; bounded by the start timeout (3 min).</summary>
    protected virtual Task OnStartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Releases what the derived fixture started itself; runs after the app has stopped.</summary>
    protected virtual ValueTask OnStoppedAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LruAspire_AppHost>(
            ["Postgres:Mode=local", $"Postgres:DataDirectory={DataDirectory}", .. Arguments]);
        await ConfigureAsync(builder);

        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        Api = App.CreateHttpClient("api");
        await OnStartedAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        await OnStoppedAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the run.
        }
    }
}
