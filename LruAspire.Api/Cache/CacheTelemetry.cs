using System.Diagnostics;
using LruAspire.Api.Store;
using LruAspire.Caching;

namespace LruAspire.Api.Cache;

/// <summary>
/// The <c>cache.lookup</c> span of <see cref="CacheService.GetAsync"/>, with the outcome's name as its tag. Under
/// it, on a miss or bypass, the store's <c>item_store.fetch</c> span (<see cref="ItemStoreTelemetry"/>).
/// </summary>
public static class CacheTelemetry
{
    public const string LookupActivityName = "cache.lookup";

    /// <summary><c>hit</c>, <c>miss</c>, <c>coalesced</c> or <c>bypass</c> on the lookup span.</summary>
    public const string ResultTag = "cache.result";

    // Indexed by CacheOutcome: the span tags are the enum's names in lower case, so a new outcome needs no edit here.
    private static readonly string[] TagValues = [.. Enum.GetNames<CacheOutcome>().Select(name => name.ToLowerInvariant())];

    public static Activity? StartLookup(long key)
    {
        var activity = ItemStoreTelemetry.ActivitySource.StartActivity(LookupActivityName);
        activity?.SetTag(ItemStoreTelemetry.KeyTag, key);
        return activity;
    }

    /// <summary>Tags the lookup span with where the item came from and passes the lookup through.</summary>
    public static CacheLookup<T> Complete<T>(this Activity? activity, CacheLookup<T> lookup)
    {
        activity?.SetTag(ResultTag, TagValues[(int)lookup.Outcome]);
        return lookup;
    }
}
