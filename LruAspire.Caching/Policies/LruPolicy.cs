using LruAspire.Caching.Entries;

namespace LruAspire.Caching.Policies;

/// <summary>
/// Strict least-recently-used: one list from most to least recently used; a hit or an update moves the entry to
/// the head, the tail is evicted. Exact: the eviction order is the order of the accesses the policy was told
/// about, which with one thread is every access (see the read buffer in docs/cache-engine.md).
/// </summary>
internal sealed class LruPolicy<TKey, TValue> : EvictionPolicy<TKey, TValue>
{
    private readonly AccessOrderList<TKey, TValue> _list = new(NodeQueue.Lru);

    public override int Count => _list.Count;

    public override void Add(CacheNode<TKey, TValue> node) => _list.AddFirst(node);

    public override void Replace(CacheNode<TKey, TValue> node, CacheNode<TKey, TValue> replacement)
    {
        _list.Replace(node, replacement);
        _list.MoveToFront(replacement);
    }

    public override void RecordAccess(CacheNode<TKey, TValue> node) => _list.MoveToFront(node);

    public override void Remove(CacheNode<TKey, TValue> node) => _list.Remove(node);

    public override CacheNode<TKey, TValue> SelectVictim() => _list.Tail!;

    public override void Clear() => _list.Clear();

    /// <summary>From most to least recently used.</summary>
    public override IEnumerable<CacheNode<TKey, TValue>> Nodes() => _list.EnumerateFromHead();

    public override void AssertIntegrity()
    {
        if (_list.EnumerateFromHead().Any(node => node.Queue != NodeQueue.Lru))
        {
            throw new InvalidOperationException("A node in the LRU list is tagged with another queue.");
        }
    }
}
