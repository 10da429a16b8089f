using System.Diagnostics;
using LruAspire.LoadGen.CacheApi;
using LruAspire.LoadGen.Measurement;
using LruAspire.LoadGen.Scenarios;
using Microsoft.Extensions.Options;

namespace LruAspire.LoadGen.Runs;

/// <summary>
/// Starts runs and keeps the recent ones. One run at a time, so two runs never skew each other's numbers: an
/// on-demand run replaces the background startup run, but is refused while another on-demand run is going.
/// When an on-demand run ends (completed, stopped or failed), the background run starts again, so the
/// dashboard keeps showing live traffic; a background run that is stopped itself stays stopped.
/// </summary>
public sealed partial class LoadRunCoordinator(
    IEnumerable<ILoadScenario> scenarios,
    ApiClient api,
    RunResultWriter resultWriter,
    IOptions<LoadOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<LoadRunCoordinator> logger)
{
    private const int KeptRuns = 20;

    private readonly Lock _lock = new();
    private readonly LinkedList<LoadRun> _runs = new();
    private int _lastId;
    private (string Scenario, string Profile)? _backgroundPlan;

    public IReadOnlyList<LoadRun> Runs
    {
        get
        {
            lock (_lock)
            {
                return [.. _runs];
            }
        }
    }

    public LoadRun? Find(int id) => Runs.FirstOrDefault(r => r.Id == id);

    /// <summary>Starts <paramref name="scenarioName"/> with <paramref name="profileName"/> (or the scenario's default profile).</summary>
    /// <param name="background">
    /// The startup run: it yields to on-demand runs and is started again, with the same scenario and profile,
    /// whenever an on-demand run ends.
    /// </param>
    public StartResult Start(string scenarioName, string? profileName, bool background = false)
    {
        var scenario = scenarios.FirstOrDefault(s => string.Equals(s.Description.Name, scenarioName, StringComparison.OrdinalIgnoreCase));
        if (scenario is null)
        {
            return StartResult.Invalid($"Unknown scenario '{scenarioName}'. Known: {ScenarioCatalog.KnownNames}.");
        }
        profileName ??= scenario.Description.DefaultProfile;
        if (!options.Value.Profiles.TryGetValue(profileName, out var profile))
        {
            return StartResult.Invalid($"Unknown profile '{profileName}'. Known: {string.Join(", ", options.Value.Profiles.Keys)}.");
        }

        LoadRun run;
        LoadRun? replaced = null;
        lock (_lock)
        {
            var current = _runs.FirstOrDefault(r => r.State == RunState.Running);
            if (current is { Background: false })
            {
                return StartResult.Busy(current);
            }
            replaced = current;
            if (background)
            {
                _backgroundPlan = (scenario.Description.Name, profileName);
            }
            run = new LoadRun(++_lastId, scenario.Description.Name, profileName, background, timeProvider.GetUtcNow());
            _runs.AddFirst(run);
            if (_runs.Count > KeptRuns)
            {
                _runs.RemoveLast();
            }
        }

        if (replaced is not null)
        {
            LogReplacingBackgroundRun(replaced.Id, run.Id);
            replaced.Cancel();
        }
        _ = Task.Run(() => ExecuteAsync(run, scenario, profile, replaced));
        return StartResult.Started(run);
    }

    /// <summary>Cancels the run in progress, if any.</summary>
    public LoadRun? CancelCurrent()
    {
        var current = Runs.FirstOrDefault(r => r.State == RunState.Running);
        current?.Cancel();
        return current;
    }

    private async Task ExecuteAsync(LoadRun run, ILoadScenario scenario, LoadProfile profile, LoadRun? replaced)
    {
        if (replaced is not null)
        {
            await replaced.Finished;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(run.CancellationToken, lifetime.ApplicationStopping);
        var token = cancellation.Token;
        var seed = Random.Shared.Next(int.MaxValue / 2);
        try
        {
            LogRunStarting(run.Id, run.Scenario, run.Profile, api.BaseAddress);
            var started = Stopwatch.GetTimestamp();
            var before = await api.GetMetricsAsync(token);
            var result = await scenario.RunAsync(new ScenarioRun(profile, before, seed), token);
            var after = await api.GetMetricsAsync(token);
            var summary = new RunSummary(
                run.Id, run.Scenario, run.Profile, api.BaseAddress?.ToString() ?? "", seed, run.StartedAt,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 3), profile, result.Phases,
                before is not null && after is not null ? new ApiMetricsChange(before, after) : null,
                result.Comparison, result.Herd, result.Notes);

            var file = await resultWriter.WriteAsync(summary, CancellationToken.None);
            LogRunFinished(run.Id, SummaryTable.Format(summary), file);
            run.Complete(summary, file);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            LogRunCanceled(run.Id, run.Scenario);
            run.Fail(RunState.Canceled, "Canceled.");
        }
        catch (Exception ex)
        {
            LogRunFailed(ex, run.Id, run.Scenario);
            run.Fail(RunState.Failed, ex.Message);
        }

        if (!run.Background)
        {
            ResumeBackground(run);
        }
    }

    /// <summary>Starts the background run again after <paramref name="ended"/>, unless the process is stopping.</summary>
    private void ResumeBackground(LoadRun ended)
    {
        (string Scenario, string Profile)? plan;
        lock (_lock)
        {
            plan = _backgroundPlan;
        }
        if (plan is not { } background || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return;
        }
        // Refused only if another on-demand run started meanwhile; that run resumes the background when it ends.
        if (Start(background.Scenario, background.Profile, background: true).Run is { } resumed)
        {
            LogResumingBackgroundRun(ended.Id, resumed.Id, resumed.Scenario, resumed.Profile);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Scenario} with profile {Profile} against {Target}")]
    private partial void LogRunStarting(int runId, string scenario, string profile, Uri? target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} finished\n{Summary}JSON: {ResultFile}")]
    private partial void LogRunFinished(int runId, string summary, string resultFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} ({Scenario}) canceled")]
    private partial void LogRunCanceled(int runId, string scenario);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} ({Scenario}) failed")]
    private partial void LogRunFailed(Exception exception, int runId, string scenario);

    [LoggerMessage(Level = LogLevel.Information, Message = "Background run {BackgroundRunId} stops for run {RunId}")]
    private partial void LogReplacingBackgroundRun(int backgroundRunId, int runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} ended: background load resumes as run {BackgroundRunId} ({Scenario}, profile {Profile})")]
    private partial void LogResumingBackgroundRun(int runId, int backgroundRunId, string scenario, string profile);
}

/// <summary>The outcome of <see cref="LoadRunCoordinator.Start"/>.</summary>
public sealed record StartResult(LoadRun? Run, LoadRun? BusyWith, string? Error)
{
    public static StartResult Started(LoadRun run) => new(run, null, null);

    public static StartResult Busy(LoadRun current) => new(null, current, null);

    public static StartResult Invalid(string error) => new(null, null, error);
}
