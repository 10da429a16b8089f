using LruAspire.Api.Infrastructure;
using LruAspire.Caching.Distributed;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Api.Services;

/// <summary>
/// Cache-aside between the API and the item store (the seed's <c>cache_service.py</c>): look in the cache; on a
/// hit return it; on a miss read the store, cache the result, return it. Depends on the cache only through its
/// <see cref="IDistributedCache"/>-style interface.
/// </summary>
/// <remarks>
/// Writes go to the store first and only then drop the local entry; the cache is never given a written value,
/// because the write might not have committed. Other instances drop theirs when the store's change
/// notification reaches them (<see cref="Invalidate"/>, <see cref="InvalidateAll"/>).
/// </remarks>
public sealed partial class CacheService(
    ILruDistributedCache cache, IItemStore store, InvalidationGenerations generations, ILogger<CacheService> logger)
{
    private static readonly DistributedCacheEntryOptions NoExpiration = new();

    public LruAspire.Caching.LruCacheStatistics Statistics => cache.Statistics;

    /// <param name="key">A validated, positive item key.</param>
    /// <param name="bypassCache">Skip the cache read and go to the store (the result still refreshes the cache).</param>
    public async Task<ItemLookup> GetAsync(long key, bool bypassCache, CancellationToken cancellationToken)
    {
        var cacheKey = CacheKey(key);
        if (!bypassCache)
        {
            var cached = cache.Get(cacheKey);
            if (cached is not null)
            {
                LogCacheHit(key);
                return new ItemLookup(cached, CacheOutcome.Hit);
            }
            LogCacheMiss(key);
        }

        LogDbFetch(key);
        var loadStarted = generations.Capture(key);
        var item = await store.GetAsync(key, cancellationToken);
        if (item is null)
        {
            return new ItemLookup(null, bypassCache ? CacheOutcome.Bypass : CacheOutcome.Miss);
        }

        var json = ItemJson.Serialize(item);
        Fill(key, cacheKey, json, loadStarted);
        return new ItemLookup(json, bypassCache ? CacheOutcome.Bypass : CacheOutcome.Miss);
    }

    /// <summary>Writes the item to the store, then drops the local cache entry. True when it was created.</summary>
    public async Task<bool> PutAsync(Item item, CancellationToken cancellationToken)
    {
        var created = await store.UpsertAsync(item, cancellationToken);
        Invalidate(item.Key);
        return created;
    }

    /// <summary>Deletes the item from the store, then drops the local cache entry. False when it did not exist.</summary>
    public async Task<bool> DeleteAsync(long key, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteAsync(key, cancellationToken);
        Invalidate(key);
        return deleted;
    }

    /// <summary>Drops <paramref name="key"/> and stops loads already in flight from caching what they read.</summary>
    public void Invalidate(long key)
    {
        generations.Invalidate(key);
        cache.Remove(CacheKey(key));
    }

    /// <summary>Drops every entry and stops loads already in flight from caching what they read.</summary>
    public void InvalidateAll()
    {
        generations.InvalidateAll();
        cache.Clear();
    }

    /// <summary>Caches a loaded value unless the key was invalidated since the load began (see <see cref="InvalidationGenerations"/>).</summary>
    private void Fill(long key, string cacheKey, byte[] json, InvalidationGenerations.Token loadStarted)
    {
        if (!generations.IsCurrent(key, loadStarted))
        {
            LogStaleLoadDiscarded(key);
            return;
        }
        cache.Set(cacheKey, json, NoExpiration);
        if (!generations.IsCurrent(key, loadStarted))
        {
            // An invalidation slipped in between the check and the set; its remove may have run first.
            cache.Remove(cacheKey);
            LogStaleLoadDiscarded(key);
        }
    }

    private static string CacheKey(long key) => key.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CACHE HIT {Key}")]
    private partial void LogCacheHit(long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CACHE MISS {Key}")]
    private partial void LogCacheMiss(long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "DB FETCH {Key}")]
    private partial void LogDbFetch(long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "STALE LOAD DISCARDED {Key}: invalidated while loading")]
    private partial void LogStaleLoadDiscarded(long key);
}
