using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Caching.Distributed;

/// <summary>
/// An <see cref="IBufferDistributedCache"/> that also reports its counters and can be emptied, which is what the
/// API's cache service and metrics need beyond the standard interface.
/// </summary>
public interface ILruDistributedCache : IBufferDistributedCache
{
    /// <summary>Hits, misses, evictions, size and capacity right now.</summary>
    LruCacheStatistics Statistics { get; }

    /// <summary>Drops every entry.</summary>
    void Clear();
}
