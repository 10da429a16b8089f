using LruAspire.Api.Store;
using LruAspire.Caching;

namespace LruAspire.Api.Cache;

/// <summary>
/// Cache-aside between the API and the item store (the seed's <c>cache_service.py</c>), with the misses for one
/// key coalesced into a single store query and absent keys remembered briefly (negative caching), so neither a
/// stampede on a cold key nor a flood of requests for a missing key reaches PostgreSQL more than once.
/// </summary>
/// <remarks>
/// The cache holds each item's response body as UTF-8 JSON beside its entity tag (<see cref="CachedItem"/>), so a
/// hit is written to the response as-is and a revalidation is answered from memory.
/// Writes go to the store first and only then drop the local entry; the cache is never given a written value,
/// because the write might not have committed. Other instances drop theirs when the store's change
/// notification reaches them (<see cref="Invalidate"/>, <see cref="InvalidateAll"/>). A load that was already
/// reading the store when its key was invalidated is not stored: the engine's Remove and Clear cancel the
/// registration of in-flight loads, so their (possibly stale) result is returned to their callers only. A write
/// whose precondition failed changed nothing, so it drops nothing either.
/// </remarks>
public sealed partial class CacheService(ILruCache<long, CachedItem> cache, IItemStore store, ILogger<CacheService> logger)
{
    public LruCacheStatistics Statistics => cache.Statistics;

    /// <summary>The engine's eviction policy, for <c>GET /metrics</c>.</summary>
    public CachePolicy Policy => cache.Policy;

    /// <param name="key">A validated, positive item key.</param>
    /// <param name="bypassCache">Read the store directly and leave the cache as it is (<c>Cache-Control: no-cache</c>).</param>
    /// <param name="cancellationToken">Stops this caller's wait.</param>
    /// <returns>The item's JSON body and entity tag (not found when the key has no row) and where they came from.</returns>
    public async ValueTask<CacheLookup<CachedItem>> GetAsync(long key, bool bypassCache, CancellationToken cancellationToken)
    {
        using var activity = CacheTelemetry.StartLookup(key);
        if (bypassCache)
        {
            LogDbFetch(key);
            var item = await store.GetAsync(key, cancellationToken);
            return activity.Complete(new CacheLookup<CachedItem>(item is not null, item is null ? null : CachedItem.From(item), CacheOutcome.Bypass));
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

    /// <summary>
    /// Writes the item to the store if <paramref name="precondition"/> holds there, then drops the local cache entry.
    /// </summary>
    /// <returns>Created or replaced with the new version, or a failed precondition (nothing written, nothing dropped).</returns>
    public async Task<WriteResult> PutAsync(long key, string value, ItemPrecondition precondition, CancellationToken cancellationToken)
    {
        var result = await store.UpsertAsync(key, value, precondition, cancellationToken);
        InvalidateUnlessRefused(key, result);
        return result;
    }

    /// <summary>Deletes the item from the store if <paramref name="precondition"/> holds there, then drops the local cache entry.</summary>
    /// <returns>Deleted, not found, or a failed precondition (nothing deleted, nothing dropped).</returns>
    public async Task<WriteResult> DeleteAsync(long key, ItemPrecondition precondition, CancellationToken cancellationToken)
    {
        var result = await store.DeleteAsync(key, precondition, cancellationToken);
        InvalidateUnlessRefused(key, result);
        return result;
    }

    /// <summary>Drops <paramref name="key"/>, including a remembered absence, and any load of it in flight.</summary>
    public void Invalidate(long key) => cache.Remove(key);

    /// <summary>Drops every entry and every load in flight.</summary>
    public void InvalidateAll() => cache.Clear();

    // Runs only in the one caller that loads, so the seed's "CACHE MISS" then "DB FETCH" pair stays in order.
    private async ValueTask<LoadResult<CachedItem>> LoadAsync(long key, CancellationToken cancellationToken)
    {
        LogCacheMiss(key);
        LogDbFetch(key);
        var item = await store.GetAsync(key, cancellationToken);
        return item is null ? LoadResult<CachedItem>.Absent : LoadResult<CachedItem>.Of(CachedItem.From(item));
    }

    // Every write the store did not refuse drops the key, a delete of a missing key too: an entry a lost
    // notification left behind goes. A refused write (412) changed nothing, so it drops nothing.
    private void InvalidateUnlessRefused(long key, WriteResult result)
    {
        if (result.Status != WriteStatus.PreconditionFailed)
        {
            Invalidate(key);
        }
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
