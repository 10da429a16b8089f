using System.Globalization;
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
/// <remarks>
/// The ratio is end to end as this generator sees it, and the generator runs on the cores it loads: every
/// microsecond of its own per request is taken from the API, which compresses the ratio towards 1 (a Debug
/// build of everything in the AppHost gave 2.1–2.4× where wrk against a Release API alone gives 5.2×). So the
/// measuring client does as little as it can per request (no resilience handlers, no logging handlers), and the
/// report states what was measured and how much of the machine the generator itself used in each phase.
/// </remarks>
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
            WhatItMeasures(cache, database),
        ];
        return new ScenarioResult([cache, database], notes, Comparison: comparison);
    }

    /// <summary>What the ratio is a ratio of, and how much of the machine the generator took from the API.</summary>
    private static string WhatItMeasures(PhaseSummary cache, PhaseSummary database)
    {
        var cores = Environment.ProcessorCount;
        return string.Create(CultureInfo.InvariantCulture,
            $"What this measures: {cache.Users} closed-loop users of this load generator, end to end: " +
            $"its HTTP client, Aspire's proxy when run in the AppHost, every API replica and, in the database phase, PostgreSQL, " +
            $"all sharing this machine's {cores} cores. The generator itself used {Share(cache, cores)} of them in the cache phase " +
            $"and {Share(database, cores)} in the database phase; the larger that share, the more the ratio understates the API's own " +
            $"(benchmarks/e2e/run.sh measures that with wrk, a Release build and no proxy).");
    }

    private static string Share(PhaseSummary phase, int cores) =>
        phase.GeneratorCpuShare(cores) is { } share
            ? string.Create(CultureInfo.InvariantCulture, $"{share:0%} ({phase.GeneratorCpuMicrosecondsPerRequest:0} µs CPU per request)")
            : "an unmeasured share";

    private static IEnumerable<long> LongRange(long first, long last)
    {
        for (var key = first; key <= last; key++)
        {
            yield return key;
        }
    }
}
