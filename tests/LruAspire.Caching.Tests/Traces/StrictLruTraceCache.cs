using LruAspire.Traces;

namespace LruAspire.Caching.Tests.Traces;

/// <summary>The engine as the exact, global LRU that the published LRU numbers describe, as a replay target.</summary>
internal sealed class StrictLruTraceCache(int capacity) : ITraceCache, IDisposable
{
    private readonly LruCache<long, long> _cache = Create(capacity);

    /// <summary>The one place the trace tests configure the engine: the Lru policy, one exact, global LRU order with one thread.</summary>
    public static LruCache<long, long> Create(int capacity) =>
        new(new LruCacheOptions { Capacity = capacity, Policy = CachePolicy.Lru, ExpirationScanInterval = null });

    public bool TryGet(long key) => _cache.TryGet(key, out _);

    public void Add(long key) => _cache.Set(key, key);

    public void Dispose() => _cache.Dispose();
}
