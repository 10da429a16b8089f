namespace LruAspire.Caching;

/// <summary>A point-in-time snapshot of a cache's counters.</summary>
/// <param name="Hits">Lookups that found a live entry.</param>
/// <param name="Misses">Lookups that found nothing.</param>
/// <param name="Evictions">Entries dropped to make room (capacity), not explicit removals.</param>
/// <param name="Count">Entries currently held.</param>
/// <param name="Capacity">The most entries the cache will hold.</param>
public readonly record struct LruCacheStatistics(long Hits, long Misses, long Evictions, int Count, int Capacity)
{
    /// <summary>Hits over lookups, 0 when there were none.</summary>
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
