using System.Globalization;
using LruAspire.LoadGen.CacheApi;
using LruAspire.LoadGen.Keys;
using Microsoft.Extensions.Options;

namespace LruAspire.LoadGen.Scenarios;

/// <summary>
/// Zipf reads plus <see cref="LoadProfile.WriteShare"/> writes (<c>PUT /data/{key}</c> with <c>X-Api-Key</c>),
/// each writing the seeded value back. When the API refuses writes (401/404/405) the run goes on and the report
/// counts them as "writes unavailable" instead of errors.
/// </summary>
public sealed partial class MixedScenario(UserPool pool, IOptions<LoadOptions> options, ILogger<MixedScenario> logger) : ILoadScenario
{
    public ScenarioDescription Description => ScenarioCatalog.Mixed;

    public async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var keys = new ZipfKeySampler(run.Profile.KeySpace, run.Profile.ZipfExponent);
        var writeShare = run.Profile.WriteShare;
        List<string> notes = [string.Create(CultureInfo.InvariantCulture,
            $"Zipf keys over 1..{keys.KeySpace}, exponent {keys.Exponent}; {writeShare:0%} writes.")];
        if (string.IsNullOrEmpty(options.Value.WriteKey))
        {
            LogNoWriteKey();
            notes.Add("Load:WriteKey is empty: writes are sent without X-Api-Key.");
        }

        var plan = new PhasePlan(Description.Name, "mixed", run.Profile,
            random =>
            {
                var kind = random.NextDouble() < writeShare ? RequestKind.Write : RequestKind.Read;
                return new LoadRequest(kind, keys.Next(random));
            },
            run.Seed);
        var phase = await pool.RunAsync(plan, cancellationToken);

        if (phase.WritesUnavailable > 0)
        {
            LogWritesUnavailable(phase.WritesUnavailable);
            notes.Add($"Writes unavailable: {phase.WritesUnavailable} PUTs answered 401/404/405 (no write endpoint or wrong key); not counted as errors.");
        }
        return new ScenarioResult([phase], notes);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Load:WriteKey is empty: the API will refuse the mixed scenario's writes")]
    private partial void LogNoWriteKey();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writes unavailable: {Count} PUT /data/{{key}} requests answered 401/404/405: this API does not accept writes (or Load:WriteKey is wrong)")]
    private partial void LogWritesUnavailable(long count);
}
