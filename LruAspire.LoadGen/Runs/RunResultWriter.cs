using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LruAspire.LoadGen.Runs;

/// <summary>Writes each run's summary as JSON (<c>Load:ResultsDirectory</c>/&lt;time&gt;-&lt;scenario&gt;-&lt;profile&gt;.json) for scripts.</summary>
public sealed class RunResultWriter(IOptions<LoadOptions> options, IHostEnvironment environment)
{
    public async Task<string> WriteAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.ResultsDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{summary.StartedAt:yyyyMMdd-HHmmss}-run{summary.RunId}-{summary.Scenario}-{summary.Profile}.json");
        var path = Path.Combine(directory, name);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, summary, LoadGenJsonContext.Default.RunSummary, cancellationToken);
        return path;
    }
}
