using System.Text.Json;
using LruAspire.Api.Cache;

namespace LruAspire.Api.Apis;

public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGetAndHead("/metrics", (CacheService cacheService, ServiceInstance instance) => new JsonBytesResult(
                JsonSerializer.SerializeToUtf8Bytes(GetMetrics(cacheService, instance), ApiJsonContext.Default.CacheMetricsResponse)))
            .WithTags("Metrics").WithName("GetCacheMetrics")
            .WithDocs("Cache counters",
                """
                The seed's metrics as JSON, for the API instance that answered, since it started: hits, misses, their
                ratio, evictions, database queries saved, hits the eviction policy never saw, and how full the cache is. Each replica has its own cache, so
                `instance` names the replica (as the Aspire dashboard does); a new connection may reach another one.
                The same numbers go to the Aspire dashboard as OpenTelemetry metrics.
                `HEAD` answers the same headers without the body.
                """,
                [],
                [
                    new(StatusCodes.Status200OK, "The counters.", typeof(CacheMetricsResponse),
                        """
                        {"hits": 940, "negative_hits": 3, "misses": 60, "hit_rate": 0.9403, "evictions": 0, "expirations": 0,
                         "removals": 2, "loads": 55, "coalesced_loads": 5, "dropped_reads": 0, "db_queries_saved": 948, "count": 58, "capacity": 1000,
                         "policy": "TinyLfu", "bytes": 1740, "max_bytes": null, "instance": "api-xkwjhzpa"}
                        """),
                ]);
        return app;
    }

    /// <summary>The seed's <c>GET /metrics</c>: this instance's cache counters as JSON.</summary>
    public static CacheMetricsResponse GetMetrics(CacheService cacheService, ServiceInstance instance)
    {
        var stats = cacheService.Statistics;
        return new CacheMetricsResponse(
            stats.Hits, stats.NegativeHits, stats.Misses, Math.Round(stats.HitRate, 4),
            stats.Evictions, stats.Expirations, stats.Removals, stats.Loads, stats.CoalescedLoads, stats.DroppedReads,
            CacheMeter.DbQueriesSaved(stats), stats.Count, stats.Capacity, cacheService.Policy.ToString(), stats.Bytes, stats.MaxBytes, instance.Name);
    }
}

/// <summary>The body of <c>GET /metrics</c>: the seed's hits, misses and hit rate, plus the engine's counters.</summary>
/// <param name="Hits">Lookups served from a cached value.</param>
/// <param name="NegativeHits">Lookups answered by a remembered absence (the store was not asked).</param>
/// <param name="Misses">Lookups that had to go to the item store (or join a load already going there).</param>
/// <param name="HitRate">(hits + negative hits) / all lookups.</param>
/// <param name="Evictions">Entries dropped to make room.</param>
/// <param name="Expirations">Entries reclaimed after they expired.</param>
/// <param name="Removals">Entries removed by invalidation (writes, notifications, flushes).</param>
/// <param name="Loads">Item-store reads started by misses.</param>
/// <param name="CoalescedLoads">Misses that joined a read already in flight instead of starting their own.</param>
/// <param name="DroppedReads">Hits the eviction policy never saw: counted, but dropped from a full read buffer (a high share of the hits means reads outpace maintenance).</param>
/// <param name="DbQueriesSaved">Lookups answered without a database query of their own: hits + negative hits + coalesced loads.</param>
/// <param name="Count">Entries held now.</param>
/// <param name="Capacity">The entry bound.</param>
/// <param name="Policy">The eviction policy in use (<c>Cache:Policy</c>): <c>TinyLfu</c> or <c>Lru</c>.</param>
/// <param name="Bytes">Accounted size of the held values.</param>
/// <param name="MaxBytes">The byte bound, or null when only the entry count is bounded.</param>
/// <param name="Instance">The replica that answered, named as on the Aspire dashboard (<see cref="ServiceInstance"/>).</param>
public sealed record CacheMetricsResponse(
    long Hits,
    long NegativeHits,
    long Misses,
    double HitRate,
    long Evictions,
    long Expirations,
    long Removals,
    long Loads,
    long CoalescedLoads,
    long DroppedReads,
    long DbQueriesSaved,
    int Count,
    int Capacity,
    string Policy,
    long Bytes,
    long? MaxBytes,
    string Instance);
