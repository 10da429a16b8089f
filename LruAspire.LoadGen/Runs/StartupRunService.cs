using LruAspire.LoadGen.Scenarios;
using Microsoft.Extensions.Options;

namespace LruAspire.LoadGen.Runs;

/// <summary>
/// Starts the configured run with the process (by default the gentle read-hot run the dashboard shows), and
/// with <see cref="LoadOptions.ExitWhenDone"/> stops the process when it ends: one run, one JSON file, exit
/// code 0 only if the run completed.
/// </summary>
public sealed partial class StartupRunService(
    LoadRunCoordinator coordinator,
    IOptions<LoadOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<StartupRunService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.Equals(settings.Scenario, ScenarioCatalog.None, StringComparison.OrdinalIgnoreCase))
        {
            LogIdle();
            return;
        }

        var start = coordinator.Start(settings.Scenario, settings.Profile, background: !settings.ExitWhenDone);
        if (start.Run is null || !settings.ExitWhenDone)
        {
            return;
        }

        await start.Run.Finished.WaitAsync(stoppingToken);
        if (start.Run.State != Runs.RunState.Completed)
        {
            Environment.ExitCode = 1;
        }
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Load:Scenario is none: waiting for a run to be requested")]
    private partial void LogIdle();
}
