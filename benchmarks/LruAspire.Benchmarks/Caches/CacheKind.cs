namespace LruAspire.Benchmarks.Caches;

/// <summary>The caches compared by every benchmark.</summary>
public enum CacheKind
{
    /// <summary>LruAspire's engine with the automatic stripe count.</summary>
    LruAspire,

    /// <summary>LruAspire's engine with one stripe: one exact global LRU behind one lock.</summary>
    LruAspireOneStripe,

    /// <summary>BitFaster.Caching's ConcurrentLru (pseudo-LRU, lock-free reads).</summary>
    BitFasterConcurrentLru,

    /// <summary>Microsoft.Extensions.Caching.Memory's MemoryCache with a size limit.</summary>
    MemoryCache,

    /// <summary>A textbook lock + Dictionary + LinkedList LRU.</summary>
    LinkedListLru,
}
