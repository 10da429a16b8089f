using LruAspire.LoadGen.CacheApi;

namespace LruAspire.LoadGen.Measurement;

/// <summary>The API's <c>/metrics</c> before and after a run, and the hit ratio of the requests in between.</summary>
/// <remarks>The API counts all its traffic, so another client running at the same time shows up here too.</remarks>
public sealed record ApiMetricsChange(ApiCacheMetrics Before, ApiCacheMetrics After)
{
    public long Hits => After.Hits - Before.Hits;

    public long Misses => After.Misses - Before.Misses;

    public long Evictions => After.Evictions - Before.Evictions;

    /// <summary>Hits / (hits + misses) during the run; null when the cache saw no lookups (e.g. only bypass reads).</summary>
    public double? HitRatio => Hits + Misses == 0 ? null : Math.Round((double)Hits / (Hits + Misses), 4);
}
