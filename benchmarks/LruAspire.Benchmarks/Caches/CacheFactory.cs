using BitFaster.Caching.Lfu;
using BitFaster.Caching.Lru;
using LruAspire.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace LruAspire.Benchmarks.Caches;

public static class CacheFactory
{
    public static IBenchmarkCache Create(CacheKind kind, int capacity) => kind switch
    {
        CacheKind.LruAspire => new LruAspireCache(new LruCache<string, byte[]>(Options(capacity, CachePolicy.Lru))),
        CacheKind.LruAspireTinyLfu => new LruAspireCache(new LruCache<string, byte[]>(Options(capacity, CachePolicy.TinyLfu))),
        CacheKind.BitFasterConcurrentLru => new BitFasterCache(new ConcurrentLru<string, byte[]>(capacity)),
        CacheKind.BitFasterConcurrentLfu => new BitFasterLfuCache(new ConcurrentLfu<string, byte[]>(capacity)),
        CacheKind.MemoryCache => new MemoryCacheAdapter(new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity })),
        CacheKind.LinkedListLru => new LinkedListLru(capacity),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static LruCacheOptions Options(int capacity, CachePolicy policy) =>
        new() { Capacity = capacity, Policy = policy, ExpirationScanInterval = null };

    private sealed class LruAspireCache(LruCache<string, byte[]> cache) : IBenchmarkCache
    {
        public bool TryGet(string key, out byte[]? value) => cache.TryGet(key, out value);

        public void Set(string key, byte[] value) => cache.Set(key, value);
    }

    private sealed class BitFasterCache(ConcurrentLru<string, byte[]> cache) : IBenchmarkCache
    {
        public bool TryGet(string key, out byte[]? value) => cache.TryGet(key, out value);

        public void Set(string key, byte[] value) => cache.AddOrUpdate(key, value);
    }

    private sealed class BitFasterLfuCache(ConcurrentLfu<string, byte[]> cache) : IBenchmarkCache
    {
        public bool TryGet(string key, out byte[]? value) => cache.TryGet(key, out value);

        public void Set(string key, byte[] value) => cache.AddOrUpdate(key, value);
    }

    private sealed class MemoryCacheAdapter(MemoryCache cache) : IBenchmarkCache
    {
        // Each entry counts 1 against SizeLimit, so the limit is an entry count like the others' capacity.
        private static readonly MemoryCacheEntryOptions SizeOne = new() { Size = 1 };

        public bool TryGet(string key, out byte[]? value) => cache.TryGetValue(key, out value);

        public void Set(string key, byte[] value) => cache.Set(key, value, SizeOne);
    }
}
