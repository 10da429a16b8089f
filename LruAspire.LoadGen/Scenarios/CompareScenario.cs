using LruAspire.LoadGen.CacheApi;
using LruAspire.LoadGen.Keys;
using LruAspire.LoadGen.Measurement;

namespace LruAspire.LoadGen.Scenarios;

/// <summary>
/// The seed's benchmark, "cache is N× faster than DB": the same keys read through the cache, then straight from
/// PostgreSQL (<c>Cache-Control: no-cache</c>), with the same users and knobs. The keys are 1..min(key space,
/// 80 % of the cache capacity) and are read once before the first phase, so the cache phase measures hits (with
/// several API replicas, each replica still misses once on the keys the warm-up sent to the others); both phases
/// use the same seed, so they send the same key sequence.
/// </summary>
public sealed class CompareScenario(UserPool pool, ApiClient api) : ILoadScenario
{
    private const int WarmUpConcurrency = 8;

    // The API's LRU splits its capacity evenly over its stripes and keys hash unevenly over them, so a hot set as
    // large as the capacity keeps overflowing the fullest stripe: about 2 % of the "cache" phase were misses.
    private const double HotShareOfCapacity = 0.8;

    public ScenarioDescription Description => ScenarioCatalog.Compare;

    public async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var capacity = run.MetricsBefore?.Capacity ?? 0;
        var keyCount = capacity > 0 ? Math.Min(run.Profile.KeySpace, Math.Max(1, (long)(capacity * HotShareOfCapacity))) : run.Profile.KeySpace;
        var keys = new UniformKeySampler(keyCount);

        await Parallel.ForEachAsync(
            LongRange(1, keyCount),
            new ParallelOptions { MaxDegreeOfParallelism = WarmUpConcurrency, CancellationToken = cancellationToken },
            async (key, token) => await api.SendAsync(new LoadRequest(RequestKind.Read, key), token));

        var cache = await pool.RunAsync(
            new PhasePlan(Description.Name, "cache", run.Profile, random => new LoadRequest(RequestKind.Read, keys.Next(random)), run.Seed),
            cancellationToken);
        var database = await pool.RunAsync(
            new PhasePlan(Description.Name, "database", run.Profile, random => new LoadRequest(RequestKind.DatabaseRead, keys.Next(random)), run.Seed),
            cancellationToken);

        var comparison = CacheComparison.From(cache, database);
        List<string> notes =
        [
            $"Uniform keys over 1..{keyCount} (cache capacity {(capacity > 0 ? capacity : "unknown")}), read once before the cache phase; same key sequence in both phases.",
            comparison.Headline,
        ];
        return new ScenarioResult([cache, database], notes, Comparison: comparison);
    }

    private static IEnumerable<long> LongRange(long first, long last)
    {
        for (var key = first; key <= last; key++)
        {
            yield return key;
        }
    }
}
