namespace LruAspire.Caching.Lru;

/// <summary>
/// A node of the recency list. The list is intrusive (the node is also the map's value) so that a hit
/// moves the entry to the front without allocating or searching.
/// </summary>
internal sealed class LruNode<TKey, TValue>(TKey key, TValue value)
{
    public TKey Key { get; } = key;
    public TValue Value { get; set; } = value;
    public LruNode<TKey, TValue>? Previous { get; set; }
    public LruNode<TKey, TValue>? Next { get; set; }
}
