using System.Diagnostics;
using LruAspire.LoadGen.CacheApi;
using LruAspire.LoadGen.Measurement;
using LruAspire.LoadGen.Telemetry;
using Microsoft.Extensions.Options;

namespace LruAspire.LoadGen.Scenarios;

/// <summary>
/// The Locust-style engine: starts <see cref="LoadProfile.Users"/> closed-loop users at
/// <see cref="LoadProfile.SpawnRate"/> per second; each sends a request, waits for the response, thinks, and
/// repeats until the phase's duration or request budget is used up. Logs progress every few seconds.
/// </summary>
public sealed partial class UserPool(ApiClient api, LoadGenMeter metrics, IOptions<LoadOptions> options, ILogger<UserPool> logger)
{
    public async Task<PhaseSummary> RunAsync(PhasePlan plan, CancellationToken cancellationToken)
    {
        var profile = plan.Profile;
        var recorder = new PhaseRecorder();
        var budget = new RequestBudget(profile.Requests);

        // The deadline aborts in-flight requests; "stop" (deadline or spent budget) only ends spawning and
        // thinking, so the last requests of a budget-bound phase still complete and count.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(profile.Duration);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        LogPhaseStarting(plan.Scenario, plan.Phase, profile.Users, profile.SpawnRate, profile.Duration, profile.Requests);
        var started = Stopwatch.GetTimestamp();
        var users = new List<Task>(profile.Users);
        int SpawnedUsers()
        {
            lock (users)
            {
                return users.Count;
            }
        }
        var progress = ReportProgressAsync(plan.Scenario, plan.Phase, recorder, SpawnedUsers, progressStop.Token);
        try
        {
            for (var i = 0; i < profile.Users && !stop.IsCancellationRequested; i++)
            {
                // Spawn on an absolute schedule (user i at i / rate seconds) so timer granularity cannot slow the ramp.
                var due = TimeSpan.FromSeconds(i / profile.SpawnRate) - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, stop.Token);
                }
                lock (users)
                {
                    users.Add(RunUserAsync(plan, new Random(plan.Seed + i), recorder, budget, stop, deadline.Token));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The phase ended while users were still being spawned.
        }

        Task[] running;
        lock (users)
        {
            running = [.. users];
        }
        await Task.WhenAll(running);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await progressStop.CancelAsync();
        await progress;
        cancellationToken.ThrowIfCancellationRequested();

        return recorder.Summarize(plan.Phase, running.Length, elapsed);
    }

    /// <summary>Sends one request, times it and records it in the phase and in the meter.</summary>
    /// <returns>Null when the request was cancelled by the end of the phase (it is not counted).</returns>
    public async Task<ApiResponse?> SendAsync(string scenario, LoadRequest request, PhaseRecorder recorder, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        ApiResponse response;
        try
        {
            response = await api.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        var failed = recorder.Record(request, response, (long)elapsed.TotalMicroseconds);
        metrics.Record(scenario, elapsed.TotalSeconds, failed);
        return response;
    }

    /// <summary>Logs requests, req/s, errors and the interval's p50/p95/p99 every <see cref="LoadOptions.ProgressInterval"/>.</summary>
    public async Task ReportProgressAsync(string scenario, string phase, PhaseRecorder recorder, Func<int> users, CancellationToken cancellationToken)
    {
        var interval = options.Value.ProgressInterval;
        using var timer = new PeriodicTimer(interval);
        long previous = 0;
        var last = Stopwatch.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var latencies = recorder.TakeInterval();
                var requests = recorder.Requests;
                var seconds = Stopwatch.GetElapsedTime(last).TotalSeconds;
                last = Stopwatch.GetTimestamp();
                LogProgress(scenario, phase, users(), requests, (requests - previous) / seconds, recorder.Errors,
                    latencies.PercentileMilliseconds(50), latencies.PercentileMilliseconds(95), latencies.PercentileMilliseconds(99));
                previous = requests;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunUserAsync(PhasePlan plan, Random random, PhaseRecorder recorder, RequestBudget budget, CancellationTokenSource stop, CancellationToken deadline)
    {
        // Yield first so spawning a user never runs its first request on the spawner's stack.
        await Task.Yield();
        var profile = plan.Profile;
        while (!stop.IsCancellationRequested)
        {
            if (!budget.TryTake())
            {
                await stop.CancelAsync();
                return;
            }
            if (await SendAsync(plan.Scenario, plan.NextRequest(random), recorder, deadline) is null)
            {
                return;
            }
            var think = ThinkTime(profile, random);
            if (think > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(think, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    internal static TimeSpan ThinkTime(LoadProfile profile, Random random) =>
        profile.ThinkTimeMin + (profile.ThinkTimeMax - profile.ThinkTimeMin) * random.NextDouble();

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Scenario}/{Phase}: starting {Users} users at {SpawnRate}/s for {Duration} (request budget {Requests}, 0 = none)")]
    private partial void LogPhaseStarting(string scenario, string phase, int users, double spawnRate, TimeSpan duration, long requests);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Scenario}/{Phase}: {Users} users, {Requests} requests, {RequestsPerSecond:F0} req/s, {Errors} errors, p50 {P50:F2} ms, p95 {P95:F2} ms, p99 {P99:F2} ms")]
    private partial void LogProgress(string scenario, string phase, int users, long requests, double requestsPerSecond, long errors, double p50, double p95, double p99);
}
