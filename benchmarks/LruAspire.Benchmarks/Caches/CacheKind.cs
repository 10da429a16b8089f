namespace LruAspire.Benchmarks.Caches;

/// <summary>The caches compared by every benchmark.</summary>
public enum CacheKind
{
    /// <summary>LruAspire's engine with the strict LRU policy.</summary>
    LruAspire,

    /// <summary>LruAspire's engine with the adaptive W-TinyLFU policy.</summary>
    LruAspireTinyLfu,

    /// <summary>BitFaster.Caching's ConcurrentLru (pseudo-LRU, lock-free reads).</summary>
    BitFasterConcurrentLru,

    /// <summary>BitFaster.Caching's ConcurrentLfu (W-TinyLFU, read buffer drained on the thread pool).</summary>
    BitFasterConcurrentLfu,

    /// <summary>Microsoft.Extensions.Caching.Memory's MemoryCache with a size limit.</summary>
    MemoryCache,

    /// <summary>A textbook lock + Dictionary + LinkedList LRU.</summary>
    LinkedListLru,
}
