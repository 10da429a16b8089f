using LruAspire.Caching;
using System.Diagnostics;
using LruAspire.Api.Services;

namespace LruAspire.Api.Telemetry;

/// <summary>
/// The <c>LruAspire.Cache</c> activity source and the span names and tags of the cache path: a
/// <c>cache.lookup</c> span per <see cref="CacheService.GetAsync"/> and, under it on a miss or bypass, an
/// <c>item_store.fetch</c> span (whose child is Npgsql's own command span).
/// </summary>
public static class CacheTelemetry
{
    /// <summary>Shared by the activity source and the meter, so one name switches the whole cache path on.</summary>
    public const string Name = "LruAspire.Cache";

    public const string LookupActivityName = "cache.lookup";
    public const string FetchActivityName = "item_store.fetch";
    public const string WriteActivityName = "item_store.write";

    /// <summary><c>upsert</c> or <c>delete</c> on the write span.</summary>
    public const string WriteOperationTag = "item_store.operation";

    /// <summary>The item key. A span tag only: keys are unbounded, so they never become a metric tag.</summary>
    public const string KeyTag = "cache.key";

    /// <summary><c>hit</c>, <c>miss</c>, <c>coalesced</c> or <c>bypass</c> on the lookup span.</summary>
    public const string ResultTag = "cache.result";

    /// <summary><c>found</c>, <c>not_found</c> or <c>error</c> on the fetch span and the fetch-duration histogram.</summary>
    public const string FetchResultTag = "cache.fetch.result";

    // StartActivity returns null unless a listener (the OpenTelemetry tracer) samples this source, so with
    // tracing off a lookup pays one volatile read and nothing else.
    public static readonly ActivitySource ActivitySource = new(Name);

    public static Activity? StartLookup(long key)
    {
        var activity = ActivitySource.StartActivity(LookupActivityName);
        activity?.SetTag(KeyTag, key);
        return activity;
    }

    /// <summary>Tags the lookup span with where the item came from and passes the lookup through.</summary>
    public static ItemLookup Complete(this Activity? activity, ItemLookup lookup)
    {
        activity?.SetTag(ResultTag, lookup.Outcome switch
        {
            CacheOutcome.Hit => "hit",
            CacheOutcome.Miss => "miss",
            CacheOutcome.Coalesced => "coalesced",
            _ => "bypass",
        });
        return lookup;
    }
}
