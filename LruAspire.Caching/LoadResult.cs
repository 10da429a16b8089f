namespace LruAspire.Caching;

/// <summary>
/// What a loader passed to <c>GetOrCreateAsync</c> found: a value, or the fact that the key has none (which the
/// cache then remembers for <see cref="LruCacheOptions.NegativeTimeToLive"/>).
/// </summary>
public readonly record struct LoadResult<TValue>(bool Found, TValue? Value)
{
    /// <summary>The key exists and has <paramref name="value"/>.</summary>
    public static LoadResult<TValue> Of(TValue value) => new(true, value);

    /// <summary>The key does not exist in the source of truth.</summary>
    public static LoadResult<TValue> Absent => default;
}
