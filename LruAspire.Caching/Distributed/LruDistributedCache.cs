using System.Buffers;
using LruAspire.Caching.Loading;
using LruAspire.Caching.Lru;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace LruAspire.Caching.Distributed;

/// <summary>
/// Exposes an in-process <see cref="LruCache{TKey, TValue}"/> of byte arrays through <see cref="IDistributedCache"/>
/// and <see cref="IBufferDistributedCache"/>, so code written against those interfaces (including HybridCache)
/// can use it unchanged.
/// </summary>
/// <remarks>
/// Values are stored by reference, not copied: a caller must not mutate an array after handing it to
/// <c>Set</c> or after receiving it from <c>Get</c>. That is what keeps a hit free of allocations. A value's
/// size for <see cref="LruCacheOptions.MaxBytes"/> is its length. The asynchronous methods complete
/// synchronously: nothing here waits on I/O. A remembered absence (negative caching) reads as a miss.
/// </remarks>
public sealed class LruDistributedCache : ILruDistributedCache, IDisposable
{
    private readonly LruCache<string, byte[]> _cache;

    public LruDistributedCache(IOptions<LruCacheOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new LruCache<string, byte[]>(options.Value, time, static value => value.Length, StringComparer.Ordinal);
    }

    public LruCacheStatistics Statistics => _cache.Statistics;

    public byte[]? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _cache.TryGet(key, out var value) ? value : null;
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public bool TryGet(string key, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
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

    public ValueTask<CacheLookup<byte[]>> GetOrCreateAsync<TState>(
        string key,
        TState state,
        Func<string, TState, CancellationToken, ValueTask<LoadResult<byte[]>>> factory,
        DistributedCacheEntryOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _cache.GetOrCreateAsync(key, state, factory, options, cancellationToken);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        _cache.Set(key, value, options);
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    // HybridCache hands over pooled buffers it reuses, so the bytes must be copied out.
    public void Set(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options) =>
        Set(key, value.ToArray(), options);

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return ValueTask.CompletedTask;
    }

    public void Refresh(string key) => Get(key);

    public Task RefreshAsync(string key, CancellationToken token = default)
    {
        Refresh(key);
        return Task.CompletedTask;
    }

    public void Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _cache.Remove(key);
    }

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    public void Clear() => _cache.Clear();

    public void Dispose() => _cache.Dispose();
}
