namespace LruAspire.Caching.Loading;

/// <summary>Where the answer of a <c>GetOrCreateAsync</c> call came from.</summary>
public enum CacheLookupSource
{
    /// <summary>A live entry (a value or a remembered absence) was already cached.</summary>
    Cache,

    /// <summary>This call ran the loader.</summary>
    Loaded,

    /// <summary>This call waited for a load that another call had already started (single flight).</summary>
    Coalesced,
}
