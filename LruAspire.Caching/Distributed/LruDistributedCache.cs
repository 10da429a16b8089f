using System.Buffers;
using LruAspire.Caching.Lru;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace LruAspire.Caching.Distributed;

/// <summary>
/// Exposes an in-process <see cref="LruCache{TKey, TValue}"/> through <see cref="IDistributedCache"/> and
/// <see cref="IBufferDistributedCache"/>, so code written against those interfaces (including HybridCache)
/// can use it unchanged.
/// </summary>
/// <remarks>
/// Values are stored by reference, not copied: a caller must not mutate an array after handing it to
/// <c>Set</c> or after receiving it from <c>Get</c>. That is what keeps a hit free of allocations.
/// Expired entries are dropped lazily, when a lookup finds them, and otherwise age out through LRU eviction;
/// no timer or background thread is involved.
/// </remarks>
public sealed class LruDistributedCache : ILruDistributedCache
{
    private readonly LruCache<string, CachedBytes> _cache;
    private readonly TimeProvider _time;

    public LruDistributedCache(IOptions<LruCacheOptions> options, TimeProvider time)
    {
        _cache = new LruCache<string, CachedBytes>(options.Value.Capacity, StringComparer.Ordinal);
        _time = time;
    }

    public LruCacheStatistics Statistics => _cache.Statistics;

    public byte[]? Get(string key) => GetLive(key)?.Value;

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public bool TryGet(string key, IBufferWriter<byte> destination)
    {
        var value = Get(key);
        if (value is null)
        {
            return false;
        }
        destination.Write(value);
        return true;
    }

    public ValueTask<bool> TryGetAsync(string key, IBufferWriter<byte> destination, CancellationToken token = default) =>
        ValueTask.FromResult(TryGet(key, destination));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);

        var now = _time.GetUtcNow();
        var absolute = options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative : options.AbsoluteExpiration;
        if (absolute <= now)
        {
            // Already expired: storing it would only displace a live entry.
            _cache.Remove(key);
            return;
        }
        _cache.Set(key, new CachedBytes(value, absolute, options.SlidingExpiration, now));
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    public void Set(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options) =>
        Set(key, value.ToArray(), options);

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return ValueTask.CompletedTask;
    }

    public void Refresh(string key) => GetLive(key);

    public Task RefreshAsync(string key, CancellationToken token = default)
    {
        Refresh(key);
        return Task.CompletedTask;
    }

    public void Remove(string key) => _cache.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    public void Clear() => _cache.Clear();

    private CachedBytes? GetLive(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_cache.TryGet(key, out var entry))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (entry.IsExpired(now))
        {
            _cache.Remove(key);
            return null;
        }
        entry.Touch(now);
        return entry;
    }
}
