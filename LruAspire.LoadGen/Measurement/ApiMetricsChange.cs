using LruAspire.LoadGen.CacheApi;

namespace LruAspire.LoadGen.Measurement;

/// <summary>The API's <c>/metrics</c> before and after a run, and the hit ratio of the requests in between.</summary>
/// <remarks>
/// The API counts all its traffic, so another client running at the same time shows up here too. With several
/// API replicas behind one address, each read reaches one replica: the counters then belong to different
/// processes and can even go backwards (<see cref="IsConsistent"/>); <see cref="PhaseSummary.CacheHitRatio"/> is the
/// run's own figure either way.
/// </remarks>
public sealed record ApiMetricsChange(ApiCacheMetrics Before, ApiCacheMetrics After)
{
    public long Hits => After.Hits - Before.Hits;

    public long Misses => After.Misses - Before.Misses;

    public long Evictions => After.Evictions - Before.Evictions;

    /// <summary>False when a counter went backwards: before and after came from different replicas, or a restart.</summary>
    public bool IsConsistent => Hits >= 0 && Misses >= 0 && Evictions >= 0;

    /// <summary>
    /// Hits / (hits + misses) during the run; null when the cache saw no lookups (e.g. only bypass reads) or the
    /// two readings are not from the same process.
    /// </summary>
    public double? HitRatio => !IsConsistent || Hits + Misses == 0 ? null : Math.Round((double)Hits / (Hits + Misses), 4);
}
