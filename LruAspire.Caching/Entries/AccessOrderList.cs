namespace LruAspire.Caching.Entries;

/// <summary>
/// An intrusive doubly linked list ordered from most recently used (head) to least recently used (tail). Every
/// operation is O(1) and allocates nothing, because the links live in the nodes. Not thread-safe: the cache
/// changes it only under its policy lock.
/// </summary>
/// <param name="queue">The tag given to every node added, so a node knows which list holds it.</param>
internal sealed class AccessOrderList<TKey, TValue>(NodeQueue queue)
{
    public NodeQueue Queue { get; } = queue;

    public CacheNode<TKey, TValue>? Head { get; private set; }

    public CacheNode<TKey, TValue>? Tail { get; private set; }

    public int Count { get; private set; }

    public void AddFirst(CacheNode<TKey, TValue> node)
    {
        node.Queue = Queue;
        node.Previous = null;
        node.Next = Head;
        if (Head is not null)
        {
            Head.Previous = node;
        }
        Head = node;
        Tail ??= node;
        Count++;
    }

    public void AddLast(CacheNode<TKey, TValue> node)
    {
        node.Queue = Queue;
        node.Next = null;
        node.Previous = Tail;
        if (Tail is not null)
        {
            Tail.Next = node;
        }
        Tail = node;
        Head ??= node;
        Count++;
    }

    public void Remove(CacheNode<TKey, TValue> node)
    {
        if (node.Previous is null)
        {
            Head = node.Next;
        }
        else
        {
            node.Previous.Next = node.Next;
        }

        if (node.Next is null)
        {
            Tail = node.Previous;
        }
        else
        {
            node.Next.Previous = node.Previous;
        }

        node.Previous = null;
        node.Next = null;
        Count--;
    }

    public void MoveToFront(CacheNode<TKey, TValue> node)
    {
        if (ReferenceEquals(Head, node))
        {
            return;
        }
        Remove(node);
        AddFirst(node);
    }

    /// <summary>Puts <paramref name="replacement"/> exactly where <paramref name="node"/> was.</summary>
    public void Replace(CacheNode<TKey, TValue> node, CacheNode<TKey, TValue> replacement)
    {
        replacement.Queue = Queue;
        replacement.Previous = node.Previous;
        replacement.Next = node.Next;
        if (node.Previous is null)
        {
            Head = replacement;
        }
        else
        {
            node.Previous.Next = replacement;
        }

        if (node.Next is null)
        {
            Tail = replacement;
        }
        else
        {
            node.Next.Previous = replacement;
        }

        node.Previous = null;
        node.Next = null;
    }

    public void Clear()
    {
        Head = null;
        Tail = null;
        Count = 0;
    }

    /// <summary>Walks the list from most to least recently used (for the integrity check and tests).</summary>
    public IEnumerable<CacheNode<TKey, TValue>> EnumerateFromHead()
    {
        for (var node = Head; node is not null; node = node.Next)
        {
            yield return node;
        }
    }
}
