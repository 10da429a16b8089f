namespace LruAspire.Caching.Loading;

/// <summary>The answer of <c>GetOrCreateAsync</c>: the value if the key has one, and where it came from.</summary>
/// <param name="Found"><see langword="false"/> when the key has no value (loaded as absent or remembered as absent).</param>
/// <param name="Value">The value when <paramref name="Found"/>.</param>
/// <param name="Source">Whether the cache answered, this call loaded, or this call joined another call's load.</param>
public readonly record struct CacheLookup<TValue>(bool Found, TValue? Value, CacheLookupSource Source);
