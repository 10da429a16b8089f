using LruAspire.Caching;
using LruAspire.Traces;

namespace LruAspire.Benchmarks.Traces;

/// <summary>LruAspire's engine (<see cref="LruCache{TKey, TValue}"/>) under the options a contender chooses.</summary>
public sealed class EngineTraceCache(LruCacheOptions options) : ITraceCache, IDisposable
{
    private readonly LruCache<long, long> _cache = new(options);

    public bool TryGet(long key) => _cache.TryGet(key, out _);

    public void Add(long key) => _cache.Set(key, key);

    public void Dispose() => _cache.Dispose();
}
