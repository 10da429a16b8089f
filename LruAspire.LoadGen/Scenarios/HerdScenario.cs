using System.Diagnostics;
using LruAspire.LoadGen.CacheApi;
using LruAspire.LoadGen.Measurement;

namespace LruAspire.LoadGen.Scenarios;

/// <summary>
/// The thundering herd: in each round all <see cref="LoadProfile.Users"/> request the same cold key at the same
/// moment, then think, then the next round takes the next key. Keys are taken downward from the top of the key
/// space, where the Zipf scenarios rarely reach, so each round starts cold. The report counts how many of a
/// round's responses were cache misses, i.e. separate database reads of one row (COALESCED responses shared one).
/// </summary>
public sealed class HerdScenario(UserPool pool) : ILoadScenario
{
    public ScenarioDescription Description => ScenarioCatalog.Herd;

    public async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var profile = run.Profile;
        var recorder = new PhaseRecorder();
        var random = new Random(run.Seed);
        var databaseReads = new List<long>();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(profile.Duration);
        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = pool.ReportProgressAsync(Description.Name, "herd", recorder, () => profile.Users, progressStop.Token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            for (long round = 0; round < MaxRounds(profile) && !deadline.IsCancellationRequested; round++)
            {
                var request = new LoadRequest(RequestKind.Read, profile.KeySpace - round);
                // All requests are created before any is awaited: the users arrive together, as in a herd.
                var responses = await Task.WhenAll(Enumerable.Range(0, profile.Users)
                    .Select(_ => pool.SendAsync(Description.Name, request, recorder, deadline.Token)));
                if (responses.Any(r => r is null))
                {
                    break;
                }
                databaseReads.Add(responses.Count(r => r!.Value.Cache == CacheHeader.Miss));
                await Task.Delay(UserPool.ThinkTime(profile, random), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The duration ended during a pause between rounds.
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        await progressStop.CancelAsync();
        await progress;
        cancellationToken.ThrowIfCancellationRequested();

        var herd = new HerdSummary(
            databaseReads.Count,
            profile.Users,
            databaseReads.Count == 0 ? 0 : Math.Round(databaseReads.Average(), 2),
            databaseReads.Count == 0 ? 0 : databaseReads.Max());
        var notes = new List<string>
        {
            $"{herd.Rounds} rounds of {herd.UsersPerRound} simultaneous reads of one cold key (keys {profile.KeySpace} downward); " +
            $"{herd.DatabaseReadsPerRound} database reads per round on average, at most {herd.MaxDatabaseReadsInARound}.",
        };
        return new ScenarioResult([recorder.Summarize("herd", profile.Users, elapsed)], notes, Herd: herd);
    }

    /// <summary>A request budget becomes whole rounds; keys are never reused, so the key space bounds rounds too.</summary>
    private static long MaxRounds(LoadProfile profile) =>
        profile.Requests > 0 ? Math.Min(profile.KeySpace, profile.Requests / profile.Users) : profile.KeySpace;
}
