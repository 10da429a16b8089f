using LruAspire.Api.Infrastructure;
using LruAspire.Api.Telemetry;
using LruAspire.Caching.Distributed;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Api.Services;

/// <summary>
/// Cache-aside between the API and the item store (the seed's <c>cache_service.py</c>): look in the cache; on a
/// hit return it; on a miss read the store, cache the result, return it. Depends on the cache only through its
/// <see cref="IDistributedCache"/>-style interface.
/// </summary>
public sealed partial class CacheService(ILruDistributedCache cache, IItemStore store, ILogger<CacheService> logger)
{
    private static readonly DistributedCacheEntryOptions NoExpiration = new();

    public LruAspire.Caching.LruCacheStatistics Statistics => cache.Statistics;

    /// <param name="key">A validated, positive item key.</param>
    /// <param name="bypassCache">Skip the cache read and go to the store (the result still refreshes the cache).</param>
    public async Task<ItemLookup> GetAsync(long key, bool bypassCache, CancellationToken cancellationToken)
    {
        using var activity = CacheTelemetry.StartLookup(key);
        var cacheKey = CacheKey(key);
        if (!bypassCache)
        {
            var cached = cache.Get(cacheKey);
            if (cached is not null)
            {
                LogCacheHit(key);
                return activity.Complete(new ItemLookup(cached, CacheOutcome.Hit));
            }
            LogCacheMiss(key);
        }

        LogDbFetch(key);
        var item = await store.GetAsync(key, cancellationToken);
        if (item is null)
        {
            return activity.Complete(new ItemLookup(null, bypassCache ? CacheOutcome.Bypass : CacheOutcome.Miss));
        }

        var json = ItemJson.Serialize(item);
        cache.Set(cacheKey, json, NoExpiration);
        return activity.Complete(new ItemLookup(json, bypassCache ? CacheOutcome.Bypass : CacheOutcome.Miss));
    }

    private static string CacheKey(long key) => key.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CACHE HIT {Key}")]
    private partial void LogCacheHit(long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CACHE MISS {Key}")]
    private partial void LogCacheMiss(long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "DB FETCH {Key}")]
    private partial void LogDbFetch(long key);
}
