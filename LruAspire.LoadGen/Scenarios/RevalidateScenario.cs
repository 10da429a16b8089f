using System.Globalization;
using LruAspire.LoadGen.CacheApi;
using LruAspire.LoadGen.Keys;
using LruAspire.LoadGen.Measurement;
using LruAspire.LoadGen.Telemetry;
using Microsoft.Extensions.Options;

namespace LruAspire.LoadGen.Scenarios;

/// <summary>
/// What HTTP revalidation saves: the same keys read four ways, with the same users and knobs — a 200 from the
/// API's cache (<c>cache</c>), a 304 from the API's cache (<c>revalidate</c>: users behind a client cache that
/// sends <c>If-None-Match</c>), a 200 from PostgreSQL (<c>database</c>, <c>Cache-Control: no-cache</c>) and a 304
/// after a PostgreSQL read (<c>revalidate-database</c>). The keys are those of <see cref="CompareScenario"/>; they
/// are read once through the client cache first, which also fills the API's cache.
/// </summary>
/// <remarks>
/// The revalidating users share one <see cref="RevalidatingHandler"/>, like the users of one caching proxy, and see a
/// 200 whether the API sent the body or a 304 (the handler fills it in), so their phases count as successes; the
/// notes say how many of their reads the API answered 304. Run it without writers: a write changes a key's ETag.
/// </remarks>
public sealed class RevalidateScenario(
    UserPool pool, ApiClient api, IHttpMessageHandlerFactory handlers, LoadGenMeter metrics,
    IOptions<LoadOptions> options, ILogger<UserPool> poolLogger) : ILoadScenario
{
    private const int WarmUpConcurrency = 8;
    private const double HotShareOfCapacity = 0.8; // as CompareScenario: every hot key stays cached

    public ScenarioDescription Description => ScenarioCatalog.Revalidate;

    public async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var capacity = run.MetricsBefore?.Capacity ?? 0;
        var keyCount = capacity > 0 ? Math.Min(run.Profile.KeySpace, Math.Max(1, (long)(capacity * HotShareOfCapacity))) : run.Profile.KeySpace;
        var keys = new UniformKeySampler(keyCount);

        // The same pipeline as ApiClient's (service discovery, no resilience or logging handlers) under the client
        // cache. Not disposed: the factory owns the inner handler.
        var clientCache = new RevalidatingHandler { InnerHandler = handlers.CreateHandler(nameof(ApiClient)) };
        using var http = new HttpClient(clientCache, disposeHandler: false) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var revalidatingApi = new ApiClient(http, options);
        var revalidatingPool = new UserPool(revalidatingApi, metrics, options, poolLogger);

        await Parallel.ForEachAsync(
            LongRange(1, keyCount),
            new ParallelOptions { MaxDegreeOfParallelism = WarmUpConcurrency, CancellationToken = cancellationToken },
            async (key, token) => await revalidatingApi.SendAsync(new LoadRequest(RequestKind.Read, key), token));

        PhasePlan Plan(string phase, RequestKind kind) =>
            new(Description.Name, phase, run.Profile, random => new LoadRequest(kind, keys.Next(random)), run.Seed);

        var cache = await pool.RunAsync(Plan("cache", RequestKind.Read), cancellationToken);
        var (revalidate, fromCache) = await CountingAsync(clientCache, () => revalidatingPool.RunAsync(Plan("revalidate", RequestKind.Read), cancellationToken));
        var database = await pool.RunAsync(Plan("database", RequestKind.DatabaseRead), cancellationToken);
        var (revalidateDatabase, fromDatabase) = await CountingAsync(clientCache,
            () => revalidatingPool.RunAsync(Plan("revalidate-database", RequestKind.DatabaseRead), cancellationToken));

        List<string> notes =
        [
            $"Uniform keys over 1..{keyCount} (cache capacity {(capacity > 0 ? capacity : "unknown")}), read once through the client cache first; same key sequence in every phase.",
            $"revalidate: {fromCache}; revalidate-database: {fromDatabase}.",
            Versus("304 from the cache vs 200 from the cache", revalidate, cache),
            Versus("304 from the cache vs 200 from PostgreSQL", revalidate, database),
            Versus("304 after PostgreSQL vs 200 from PostgreSQL", revalidateDatabase, database),
        ];
        return new ScenarioResult([cache, revalidate, database, revalidateDatabase], notes, Comparison: CacheComparison.From(cache, database));
    }

    /// <summary>Runs a phase and says how many of its reads were revalidations and how many the API answered 304.</summary>
    private static async Task<(PhaseSummary Phase, string Counts)> CountingAsync(RevalidatingHandler clientCache, Func<Task<PhaseSummary>> phase)
    {
        var (revalidations, notModified) = (clientCache.Revalidations, clientCache.NotModified);
        var summary = await phase();
        return (summary, string.Create(CultureInfo.InvariantCulture,
            $"{clientCache.Revalidations - revalidations} reads sent If-None-Match, {clientCache.NotModified - notModified} were answered 304"));
    }

    private static string Versus(string what, PhaseSummary phase, PhaseSummary baseline) => string.Create(CultureInfo.InvariantCulture,
        $"{what}: {Ratio(phase.Throughput, baseline.Throughput):0.00}× throughput, p50 {phase.Latency.P50:0.00} vs {baseline.Latency.P50:0.00} ms, " +
        $"p99 {phase.Latency.P99:0.00} vs {baseline.Latency.P99:0.00} ms.");

    private static double Ratio(double numerator, double denominator) => denominator <= 0 ? 0 : numerator / denominator;

    private static IEnumerable<long> LongRange(long first, long last)
    {
        for (var key = first; key <= last; key++)
        {
            yield return key;
        }
    }
}
