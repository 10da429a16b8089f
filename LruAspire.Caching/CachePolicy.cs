namespace LruAspire.Caching;

/// <summary>Which entries an <see cref="LruCache{TKey, TValue}"/> evicts when it is full (<see cref="LruCacheOptions.Policy"/>).</summary>
public enum CachePolicy
{
    /// <summary>
    /// Strict least recently used: one list in access order, the oldest entry is evicted. Exact with one thread;
    /// with several, hits are applied in batches and the order is that of the batches. Best when recency is all
    /// that predicts reuse; a scan larger than the cache flushes it.
    /// </summary>
    Lru,

    /// <summary>
    /// Adaptive W-TinyLFU (Einziger, Friedman, Manes, ACM ToS 2017; Caffeine's design): a small LRU window in front
    /// of a segmented LRU, with a count-min sketch of recent frequencies deciding which entries are admitted, and
    /// the window's size adapted to the workload. Keeps popular entries through scans and one-hit wonders.
    /// </summary>
    TinyLfu,
}
