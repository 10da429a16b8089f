using LruAspire.Api.Infrastructure;
using LruAspire.Caching;
using LruAspire.Caching.Distributed;
using LruAspire.Caching.Loading;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Api.Services;

/// <summary>
/// Cache-aside between the API and the item store (the seed's <c>cache_service.py</c>), with the misses for one
/// key coalesced into a single store query and absent keys remembered briefly (negative caching), so neither a
/// stampede on a cold key nor a flood of requests for a missing key reaches PostgreSQL more than once.
/// </summary>
public sealed partial class CacheService(ILruDistributedCache cache, IItemStore store, ILogger<CacheService> logger)
{
    private static readonly DistributedCacheEntryOptions NoExpiration = new();

    public LruCacheStatistics Statistics => cache.Statistics;

    /// <param name="key">A validated, positive item key.</param>
    /// <param name="bypassCache">Skip the cache read and go to the store (the result still refreshes the cache).</param>
    public async ValueTask<ItemLookup> GetAsync(long key, bool bypassCache, CancellationToken cancellationToken)
    {
        var cacheKey = CacheKey(key);
        if (bypassCache)
        {
            return await ReadThroughAsync(key, cacheKey, cancellationToken);
        }

        // A static lambda with the service and key as state: no closure, so a hit allocates nothing here.
        var lookup = await cache.GetOrCreateAsync(
            cacheKey, (Service: this, Key: key), static (_, state, ct) => state.Service.LoadAsync(state.Key, ct),
            NoExpiration, cancellationToken);

        if (lookup.Source == CacheLookupSource.Cache)
        {
            LogCacheHit(key);
            return new ItemLookup(lookup.Value, CacheOutcome.Hit);
        }
        LogCacheMiss(key, lookup.Source);
        return new ItemLookup(lookup.Value, CacheOutcome.Miss);
    }

    private async ValueTask<LoadResult<byte[]>> LoadAsync(long key, CancellationToken cancellationToken)
    {
        LogDbFetch(key);
        var item = await store.GetAsync(key, cancellationToken);
        return item is null ? LoadResult<byte[]>.Absent : LoadResult<byte[]>.Of(ItemJson.Serialize(item));
    }

    private async ValueTask<ItemLookup> ReadThroughAsync(long key, string cacheKey, CancellationToken cancellationToken)
    {
        LogDbFetch(key);
        var item = await store.GetAsync(key, cancellationToken);
        if (item is null)
        {
            cache.Remove(cacheKey);
            return new ItemLookup(null, CacheOutcome.Bypass);
        }

        var json = ItemJson.Serialize(item);
        cache.Set(cacheKey, json, NoExpiration);
        return new ItemLookup(json, CacheOutcome.Bypass);
    }

    private static string CacheKey(long key) => key.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CACHE HIT {Key}")]
    private partial void LogCacheHit(long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CACHE MISS {Key} ({Source})")]
    private partial void LogCacheMiss(long key, CacheLookupSource source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "DB FETCH {Key}")]
    private partial void LogDbFetch(long key);
}
