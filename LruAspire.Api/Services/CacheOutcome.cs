namespace LruAspire.Api.Services;

/// <summary>Where an item came from; sent to clients as the <c>X-Cache</c> header.</summary>
public enum CacheOutcome
{
    /// <summary>Served from the LRU without touching the database.</summary>
    Hit,

    /// <summary>Not cached: read from the item store, then cached.</summary>
    Miss,

    /// <summary>Not cached, but another request was already reading the key: this one shared that read.</summary>
    Coalesced,

    /// <summary>The client asked to skip the cache (<c>Cache-Control: no-cache</c>): read from the store.</summary>
    Bypass,
}
