using LruAspire.Caching.Loading;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Caching.Distributed;

/// <summary>
/// An <see cref="IBufferDistributedCache"/> that also loads through a single flight, reports its counters and
/// can be emptied: what the API's cache service and metrics need beyond the standard interface.
/// </summary>
public interface ILruDistributedCache : IBufferDistributedCache
{
    /// <summary>Hits, misses, evictions by reason, loads, size and bounds right now.</summary>
    LruCacheStatistics Statistics { get; }

    /// <summary>
    /// Returns the cached bytes for <paramref name="key"/> or loads them with at most one concurrent
    /// <paramref name="factory"/> call; see <see cref="Lru.LruCache{TKey, TValue}.GetOrCreateAsync{TState}"/>.
    /// </summary>
    ValueTask<CacheLookup<byte[]>> GetOrCreateAsync<TState>(
        string key,
        TState state,
        Func<string, TState, CancellationToken, ValueTask<LoadResult<byte[]>>> factory,
        DistributedCacheEntryOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Drops every entry.</summary>
    void Clear();
}
