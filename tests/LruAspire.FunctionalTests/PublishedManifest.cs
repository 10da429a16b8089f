using System.Text.Json;

namespace LruAspire.FunctionalTests;

/// <summary>
/// Publishes the real AppHost's deployment manifest (what <c>azd</c> reads) into a temp folder, once per test
/// class. Publishing needs no container runtime and starts no resource.
/// </summary>
public sealed class PublishedManifest : IAsyncLifetime
{
    private readonly string _outputDirectory = Path.Combine(Path.GetTempPath(), "lruaspire-manifest", Guid.NewGuid().ToString("N"));

    /// <summary>The manifest's <c>resources</c> object.</summary>
    public JsonElement Resources { get; private set; }

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LruAspire_AppHost>(
            ["--publisher", "manifest", "--output-path", _outputDirectory]);
        await using var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await app.RunAsync(timeout.Token);

        await using var manifest = File.OpenRead(Path.Combine(_outputDirectory, "aspire-manifest.json"));
        using var document = await JsonDocument.ParseAsync(manifest);
        Resources = document.RootElement.GetProperty("resources").Clone();
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_outputDirectory))
        {
            Directory.Delete(_outputDirectory, recursive: true);
        }
        return Task.CompletedTask;
    }
}
