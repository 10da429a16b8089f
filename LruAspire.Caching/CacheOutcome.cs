namespace LruAspire.Caching;

/// <summary>
/// Where the answer to a lookup came from: the one vocabulary shared by the engine, the API's <c>X-Cache</c>
/// header, span tags and logs.
/// </summary>
public enum CacheOutcome
{
    /// <summary>A live entry (a value or a remembered absence) answered without calling the loader.</summary>
    Hit,

    /// <summary>Nothing live was cached: this call ran the loader (and the result was cached).</summary>
    Miss,

    /// <summary>Nothing live was cached, and this call waited for a load another call had started (single flight).</summary>
    Coalesced,

    /// <summary>
    /// The caller read the source of truth directly and left the cache as it was (for example on HTTP
    /// <c>Cache-Control: no-cache</c>). The engine never returns it; cache-aside callers report it in the same terms.
    /// </summary>
    Bypass,
}
