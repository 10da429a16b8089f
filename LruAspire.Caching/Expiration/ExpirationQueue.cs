using LruAspire.Caching.Entries;

namespace LruAspire.Caching.Expiration;

/// <summary>
/// The entries that can expire, ordered by deadline: a binary heap (<see cref="PriorityQueue{TElement, TPriority}"/>)
/// with lazy deletion, so the cache can reclaim every expired entry, earliest first, before it evicts a live one.
/// </summary>
/// <remarks>
/// <para>
/// Removing a node does not search the heap: its item stays until it reaches the top, where a removed node is
/// skipped. A hit on a sliding entry moves the node's deadline without touching the heap (hits take no lock);
/// when the stale, earlier item reaches the top, the node is re-queued at its current deadline instead of being
/// reclaimed. Each live expiring node therefore has exactly one item, and the items of removed nodes are the
/// only waste; when they outnumber the live ones the heap is rebuilt, so its size stays O(live entries) and the
/// rebuild is amortized O(1) per removal. Adding is O(log n).
/// </para>
/// <para>
/// A hierarchical timer wheel (Caffeine's) would make adding O(1) but orders deadlines only to a bucket's
/// width; the heap gives the exact deadline order the eviction rule promises. Guarded by the policy lock.
/// </para>
/// </remarks>
internal sealed class ExpirationQueue<TKey, TValue>
{
    private const int MinimumStaleToCompact = 1_024;

    private readonly PriorityQueue<CacheNode<TKey, TValue>, long> _heap = new();

    /// <summary>Live expiring nodes, each with one item in the heap.</summary>
    public int Tracked { get; private set; }

    /// <summary>Items in the heap, including those of removed nodes.</summary>
    public int Items => _heap.Count;

    public void Add(CacheNode<TKey, TValue> node)
    {
        if (node.CanExpire)
        {
            _heap.Enqueue(node, node.DeadlineTicks);
            Tracked++;
        }
    }

    /// <summary>Notes that <paramref name="node"/> left the cache; its item is skipped later.</summary>
    public void Forget(CacheNode<TKey, TValue> node)
    {
        if (!node.CanExpire)
        {
            return;
        }
        Tracked--;
        var stale = _heap.Count - Tracked;
        if (stale > MinimumStaleToCompact && stale > Tracked)
        {
            Compact();
        }
    }

    /// <summary>The live node with the earliest deadline if that deadline is at or before <paramref name="nowTicks"/>.</summary>
    /// <remarks>The caller removes the node from the cache (which calls <see cref="Forget"/>).</remarks>
    public CacheNode<TKey, TValue>? TakeExpired(long nowTicks)
    {
        while (_heap.TryPeek(out var node, out var queuedDeadline) && queuedDeadline <= nowTicks)
        {
            _heap.Dequeue();
            if (node.Queue == NodeQueue.Removed)
            {
                continue;
            }
            var deadline = node.DeadlineTicks;
            if (deadline > nowTicks)
            {
                // A sliding hit moved the deadline since it was queued: queue it again where it belongs now.
                _heap.Enqueue(node, deadline);
                continue;
            }
            return node;
        }
        return null;
    }

    public void Clear()
    {
        _heap.Clear();
        Tracked = 0;
    }

    /// <summary>Each item as (node, queued deadline), for the integrity check.</summary>
    public IEnumerable<(CacheNode<TKey, TValue> Node, long Deadline)> Enumerate() => _heap.UnorderedItems;

    private void Compact()
    {
        var live = _heap.UnorderedItems.Where(item => item.Element.Queue != NodeQueue.Removed).ToArray();
        _heap.Clear();
        _heap.EnqueueRange(live);
    }
}
