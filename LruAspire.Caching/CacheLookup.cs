namespace LruAspire.Caching;

/// <summary>The answer of <see cref="ILruCache{TKey, TValue}.GetOrCreateAsync{TState}"/>.</summary>
/// <param name="Found"><see langword="false"/> when the key has no value (loaded as absent or remembered as absent).</param>
/// <param name="Value">The value when <paramref name="Found"/>; <see langword="default"/> otherwise.</param>
/// <param name="Outcome">Whether the cache answered, this call loaded, or this call joined another call's load.</param>
public readonly record struct CacheLookup<TValue>(bool Found, TValue? Value, CacheOutcome Outcome);
