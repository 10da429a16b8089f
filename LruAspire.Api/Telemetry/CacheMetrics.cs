using System.Diagnostics.Metrics;
using LruAspire.Caching;

namespace LruAspire.Api.Telemetry;

/// <summary>
/// The <c>LruAspire.Cache</c> meter, named after .NET 11's MemoryCache metrics (<c>cache.requests</c> tagged
/// <c>cache.request.type</c>, <c>cache.evictions</c> tagged <c>cache.eviction.reason</c>, <c>cache.entries</c>,
/// <c>cache.estimated_size</c>) plus the single-flight counter <c>cache.coalesced_loads</c>.
/// </summary>
/// <remarks>
/// The cache's counters are observable instruments that read <see cref="ILruCache{TKey, TValue}.Statistics"/>
/// when an exporter collects (every few seconds), so a lookup pays nothing for them and they agree with
/// <c>GET /metrics</c> by construction. Only the fetch-duration histogram is recorded as it happens, on the
/// miss path that already pays for a database round trip.
/// </remarks>
public sealed class CacheMetrics
{
    public const string MeterName = CacheTelemetry.Name;

    public const string RequestsName = "cache.requests";
    public const string EvictionsName = "cache.evictions";
    public const string EntriesName = "cache.entries";
    public const string CoalescedLoadsName = "cache.coalesced_loads";
    public const string EstimatedSizeName = "cache.estimated_size";
    public const string FetchDurationName = "cache.fetch.duration";

    public const string RequestTypeTag = "cache.request.type";
    public const string EvictionReasonTag = "cache.eviction.reason";

    /// <summary>One row per eviction reason the engine counts; a new reason is one more row.</summary>
    private static readonly (string Reason, Func<LruCacheStatistics, long> Read)[] EvictionReasons =
    [
        ("capacity", stats => stats.Evictions),
        ("expired", stats => stats.Expirations),
        ("removed", stats => stats.Removals),
    ];

    // Database reads take from ~100 µs (local, warm) to seconds (pool exhausted); the SDK's default buckets
    // (0, 5, 10, 25 ... 10000) assume milliseconds and would put every fetch in the first bucket.
    private static readonly double[] FetchDurationBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> _fetchDuration;

    public CacheMetrics(IMeterFactory meterFactory, ILruCache<long, byte[]> cache)
    {
        var meter = meterFactory.Create(MeterName);

        meter.CreateObservableCounter(RequestsName, () => ObserveRequests(cache.Statistics),
            unit: "{request}", description: "Cache lookups, by whether they found a live entry (hit) or not (miss).");
        meter.CreateObservableCounter(EvictionsName, () => ObserveEvictions(cache.Statistics),
            unit: "{entry}", description: "Entries the cache dropped on its own, by reason.");
        meter.CreateObservableUpDownCounter(EntriesName, () => (long)cache.Statistics.Count,
            unit: "{entry}", description: "Entries the cache holds now.");
        meter.CreateObservableCounter(CoalescedLoadsName, () => cache.Statistics.CoalescedLoads,
            unit: "{request}", description: "Misses that joined an item-store read already in flight (single flight).");
        meter.CreateObservableUpDownCounter(EstimatedSizeName, () => cache.Statistics.Bytes,
            unit: "By", description: "Accounted size of the cached values.");

        _fetchDuration = meter.CreateHistogram(FetchDurationName,
            unit: "s",
            description: "Time the item store took to read an item the cache did not serve (miss or bypass).",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = FetchDurationBuckets });
    }

    /// <param name="result"><c>found</c>, <c>not_found</c> or <c>error</c>.</param>
    public void RecordFetch(TimeSpan elapsed, string result) =>
        _fetchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(CacheTelemetry.FetchResultTag, result));

    private static Measurement<long>[] ObserveRequests(LruCacheStatistics stats) =>
    [
        new(stats.Hits, new KeyValuePair<string, object?>(RequestTypeTag, "hit")),
        new(stats.NegativeHits, new KeyValuePair<string, object?>(RequestTypeTag, "negative_hit")),
        new(stats.Misses, new KeyValuePair<string, object?>(RequestTypeTag, "miss")),
    ];

    private static IEnumerable<Measurement<long>> ObserveEvictions(LruCacheStatistics stats)
    {
        foreach (var (reason, read) in EvictionReasons)
        {
            yield return new(read(stats), new KeyValuePair<string, object?>(EvictionReasonTag, reason));
        }
    }
}
