using System.Globalization;
using LruAspire.LoadGen.CacheApi;
using LruAspire.LoadGen.Keys;

namespace LruAspire.LoadGen.Scenarios;

/// <summary>
/// Reads with uniform keys over a key space far larger than the cache: constant eviction, most reads go to
/// PostgreSQL. The expected hit ratio is about capacity / key space.
/// </summary>
public sealed class ReadColdScenario(UserPool pool) : ILoadScenario
{
    public ScenarioDescription Description => ScenarioCatalog.ReadCold;

    public async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var keys = new UniformKeySampler(run.Profile.KeySpace);
        var plan = new PhasePlan(Description.Name, "read", run.Profile, random => new LoadRequest(RequestKind.Read, keys.Next(random)), run.Seed);
        var phase = await pool.RunAsync(plan, cancellationToken);

        List<string> notes = [$"Uniform keys over 1..{keys.KeySpace}."];
        if (run.MetricsBefore is { Capacity: > 0 } metrics)
        {
            var expected = Math.Min(1.0, (double)metrics.Capacity / keys.KeySpace);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Cache capacity {metrics.Capacity}: expected hit ratio at steady state ≈ {expected:0%}."));
        }
        return new ScenarioResult([phase], notes);
    }
}
