using BitFaster.Caching;
using LruAspire.Traces;

namespace LruAspire.Benchmarks.Traces;

/// <summary>A BitFaster.Caching cache (ConcurrentLru, ConcurrentLfu) through its common <see cref="ICache{K, V}"/> face.</summary>
public sealed class BitFasterTraceCache(ICache<long, long> cache) : ITraceCache
{
    public bool TryGet(long key) => cache.TryGet(key, out _);

    public void Add(long key) => cache.AddOrUpdate(key, key);
}
