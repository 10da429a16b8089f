using System.Diagnostics.Metrics;
using LruAspire.Api.Store;
using LruAspire.Caching;

namespace LruAspire.Api.Cache;

/// <summary>
/// The <c>LruAspire.Cache</c> meter, named after .NET 11's MemoryCache metrics (<c>cache.requests</c> tagged
/// <c>cache.request.type</c>, <c>cache.evictions</c> tagged <c>cache.eviction.reason</c>, <c>cache.entries</c>,
/// <c>cache.estimated_size</c>) plus the single-flight counter <c>cache.coalesced_loads</c>, the read buffer's
/// <c>cache.dropped_reads</c>, and the two numbers this
/// project is about, ready to chart: <c>cache.hit_ratio</c> and <c>cache.db_queries_saved</c>.
/// </summary>
/// <remarks>
/// The cache's counters are observable instruments that read <see cref="ILruCache{TKey, TValue}.Statistics"/>
/// when an exporter collects (every few seconds), so a lookup pays nothing for them and they agree with
/// <c>GET /metrics</c> by construction. The fetch-duration histogram on the same meter belongs to the store
/// (<see cref="ItemStoreTelemetry"/>). Each replica exports its own values; the Aspire dashboard's combined view of
/// a replicated resource adds the replicas' series up, which gives all replicas' totals for the counters, so the
/// ratio, which cannot be added up, is read per replica.
/// </remarks>
public sealed class CacheMeter
{
    public const string MeterName = ItemStoreTelemetry.Name;

    public const string RequestsName = "cache.requests";
    public const string EvictionsName = "cache.evictions";
    public const string EntriesName = "cache.entries";
    public const string CoalescedLoadsName = "cache.coalesced_loads";
    public const string DroppedReadsName = "cache.dropped_reads";
    public const string EstimatedSizeName = "cache.estimated_size";
    public const string HitRatioName = "cache.hit_ratio";
    public const string DbQueriesSavedName = "cache.db_queries_saved";

    public const string RequestTypeTag = "cache.request.type";
    public const string EvictionReasonTag = "cache.eviction.reason";

    /// <summary>One row per eviction reason the engine counts; a new reason is one more row.</summary>
    private static readonly (string Reason, Func<LruCacheStatistics, long> Read)[] EvictionReasons =
    [
        ("capacity", stats => stats.Evictions),
        ("expired", stats => stats.Expirations),
        ("removed", stats => stats.Removals),
    ];

    public CacheMeter(IMeterFactory meterFactory, ILruCache<long, CachedItem> cache)
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
        meter.CreateObservableCounter(DroppedReadsName, () => cache.Statistics.DroppedReads,
            unit: "{request}", description: "Hits whose access the eviction policy never saw: counted, but dropped from a full read buffer. A share of the hits that stays high means reads outpace the policy's maintenance.");
        meter.CreateObservableUpDownCounter(EstimatedSizeName, () => cache.Statistics.Bytes,
            unit: "By", description: "Accounted size of the cached values.");
        meter.CreateObservableGauge(HitRatioName, () => cache.Statistics.HitRate,
            unit: "1", description: "Share of this replica's lookups since it started that the item store was not asked for: (hits + negative hits) / lookups, 0 to 1.");
        meter.CreateObservableCounter(DbQueriesSavedName, () => DbQueriesSaved(cache.Statistics),
            unit: "{query}", description: "Lookups answered without a database query of their own: hits, negative hits and misses that joined a query in flight.");
    }

    /// <summary>
    /// Database queries the cache saved: lookups answered without an item-store read of their own, i.e. hits (a
    /// live value), negative hits (a remembered absence) and coalesced loads (misses that shared a read already in
    /// flight). Equals lookups − loads. Reads that bypass the cache are neither lookups nor savings.
    /// </summary>
    public static long DbQueriesSaved(LruCacheStatistics stats) => stats.Hits + stats.NegativeHits + stats.CoalescedLoads;

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
