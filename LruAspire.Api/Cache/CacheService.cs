using LruAspire.Api.Store;
using LruAspire.Caching;

namespace LruAspire.Api.Cache;

/// <summary>
/// Cache-aside between the API and the item store (the seed's <c>cache_service.py</c>), with the misses for one
/// key coalesced into a single store query and absent keys remembered briefly (negative caching), so neither a
/// stampede on a cold key nor a flood of requests for a missing key reaches PostgreSQL more than once.
/// </summary>
/// <remarks>
/// The cache holds each item's response body as UTF-8 JSON, so a hit is written to the response as-is.
/// Writes go to the store first and only then drop the local entry; the cache is never given a written value,
/// because the write might not have committed. Other instances drop theirs when the store's change
/// notification reaches them (<see cref="Invalidate"/>, <see cref="InvalidateAll"/>). A load that was already
/// reading the store when its key was invalidated is not stored: the engine's Remove and Clear cancel the
/// registration of in-flight loads, so their (possibly stale) result is returned to their callers only.
/// </remarks>
public sealed partial class CacheService(ILruCache<long, byte[]> cache, IItemStore store, ILogger<CacheService> logger)
{
    public LruCacheStatistics Statistics => cache.Statistics;

    /// <param name="key">A validated, positive item key.</param>
    /// <param name="bypassCache">Read the store directly and leave the cache as it is (<c>Cache-Control: no-cache</c>).</param>
    /// <param name="cancellationToken">Stops this caller's wait.</param>
    /// <returns>The item's JSON body (not found when the key has no row) and where it came from.</returns>
    public async ValueTask<CacheLookup<byte[]>> GetAsync(long key, bool bypassCache, CancellationToken cancellationToken)
    {
        using var activity = CacheTelemetry.StartLookup(key);
        if (bypassCache)
        {
            LogDbFetch(key);
            var item = await store.GetAsync(key, cancellationToken);
            return activity.Complete(new CacheLookup<byte[]>(item is not null, item is null ? null : ItemJson.Serialize(item), CacheOutcome.Bypass));
        }

        // A static lambda with the service and key as state: no closure, so a hit allocates nothing here.
        var lookup = await cache.GetOrCreateAsync(
            key, (Service: this, Key: key), static (_, state, ct) => state.Service.LoadAsync(state.Key, ct),
            cancellationToken: cancellationToken);

        switch (lookup.Outcome)
        {
            case CacheOutcome.Hit:
                LogCacheHit(key);
                break;
            case CacheOutcome.Coalesced:
                LogCacheMissCoalesced(key);
                break;
        }
        return activity.Complete(lookup);
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

    /// <summary>Drops <paramref name="key"/>, including a remembered absence, and any load of it in flight.</summary>
    public void Invalidate(long key) => cache.Remove(key);

    /// <summary>Drops every entry and every load in flight.</summary>
    public void InvalidateAll() => cache.Clear();

    // Runs only in the one caller that loads, so the seed's "CACHE MISS" then "DB FETCH" pair stays in order.
    private async ValueTask<LoadResult<byte[]>> LoadAsync(long key, CancellationToken cancellationToken)
    {
        LogCacheMiss(key);
        LogDbFetch(key);
        var item = await store.GetAsync(key, cancellationToken);
        return item is null ? LoadResult<byte[]>.Absent : LoadResult<byte[]>.Of(ItemJson.Serialize(item));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "CACHE HIT {Key}")]
    private partial void LogCacheHit(long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CACHE MISS {Key}")]
    private partial void LogCacheMiss(long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CACHE MISS {Key} (joined a fetch in flight)")]
    private partial void LogCacheMissCoalesced(long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "DB FETCH {Key}")]
    private partial void LogDbFetch(long key);
}
