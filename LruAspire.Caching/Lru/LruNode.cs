using LruAspire.Caching.Expiration;

namespace LruAspire.Caching.Lru;

/// <summary>
/// An entry and its place in the recency list. The list is intrusive (the node is also the map's value) so that
/// a hit moves the entry to the front without allocating or searching. All fields are guarded by the owning
/// stripe's lock.
/// </summary>
internal sealed class LruNode<TKey, TValue>(TKey key)
{
    public TKey Key { get; } = key;

    public TValue? Value { get; set; }

    /// <summary>The entry remembers that the key has no value (negative caching).</summary>
    public bool IsAbsent { get; set; }

    /// <summary>The size counted against the byte bound.</summary>
    public long Size { get; set; }

    public EntryExpiration Expiration { get; set; }

    /// <summary>
    /// When the entry stops being live, in UTC ticks; <see cref="EntryExpiration.Never"/> lets a hit skip the clock.
    /// </summary>
    public long DeadlineTicks { get; set; } = EntryExpiration.Never;

    public LruNode<TKey, TValue>? Previous { get; set; }
    public LruNode<TKey, TValue>? Next { get; set; }
}
