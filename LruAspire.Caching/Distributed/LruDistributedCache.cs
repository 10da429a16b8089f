using System.Buffers;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace LruAspire.Caching.Distributed;

/// <summary>
/// Exposes an in-process <see cref="LruCache{TKey, TValue}"/> of byte arrays by string key through
/// <see cref="IDistributedCache"/> and <see cref="IBufferDistributedCache"/>, so code written against those
/// interfaces (including HybridCache as its L2) can use the engine unchanged. Typed callers use
/// <see cref="ILruCache{TKey, TValue}"/> directly and skip the string keys.
/// </summary>
/// <remarks>
/// Values are stored by reference, not copied: a caller must not mutate an array after handing it to
/// <c>Set</c> or after receiving it from <c>Get</c>. That is what keeps a hit free of allocations. A value's
/// size for <see cref="LruCacheOptions.MaxBytes"/> is its length. The asynchronous methods complete
/// synchronously: nothing here waits on I/O. A remembered absence (negative caching) reads as a miss.
/// </remarks>
public sealed class LruDistributedCache : IBufferDistributedCache, IDisposable
{
    private readonly LruCache<string, byte[]> _cache;

    /// <param name="options">The engine's bounds and defaults; validated, so bad values throw.</param>
    /// <param name="time">The clock for expiration.</param>
    public LruDistributedCache(IOptions<LruCacheOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new LruCache<string, byte[]>(options.Value, time, static value => value.Length, StringComparer.Ordinal);
    }

    /// <summary>The engine's counters; see <see cref="ILruCache{TKey, TValue}.Statistics"/>.</summary>
    public LruCacheStatistics Statistics => _cache.Statistics;

    /// <inheritdoc />
    public byte[]? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _cache.TryGet(key, out var value) ? value : null;
    }

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    /// <inheritdoc />
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

    /// <inheritdoc />
    public ValueTask<bool> TryGetAsync(string key, IBufferWriter<byte> destination, CancellationToken token = default) =>
        ValueTask.FromResult(TryGet(key, destination));

    /// <inheritdoc />
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        _cache.Set(key, value, options);
    }

    /// <inheritdoc />
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    // HybridCache hands over pooled buffers it reuses, so the bytes must be copied out.
    /// <inheritdoc />
    public void Set(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options) =>
        Set(key, value.ToArray(), options);

    /// <inheritdoc />
    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Refresh(string key) => Get(key);

    /// <inheritdoc />
    public Task RefreshAsync(string key, CancellationToken token = default)
    {
        Refresh(key);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _cache.Remove(key);
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    /// <summary>Drops every entry; see <see cref="ILruCache{TKey, TValue}.Clear"/>.</summary>
    public void Clear() => _cache.Clear();

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();
}
