namespace LruAspire.Caching.Lru;

/// <summary>
/// A doubly linked list ordered from most recently used (head) to least recently used (tail).
/// Every operation is O(1). Not thread-safe: <see cref="LruCache{TKey, TValue}"/> serializes access.
/// </summary>
internal sealed class RecencyList<TKey, TValue>
{
    public LruNode<TKey, TValue>? Head { get; private set; }
    public LruNode<TKey, TValue>? Tail { get; private set; }
    public int Count { get; private set; }

    public void AddFirst(LruNode<TKey, TValue> node)
    {
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

    public void Remove(LruNode<TKey, TValue> node)
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

    public void MoveToFront(LruNode<TKey, TValue> node)
    {
        if (ReferenceEquals(Head, node))
        {
            return;
        }
        Remove(node);
        AddFirst(node);
    }

    public void Clear()
    {
        Head = null;
        Tail = null;
        Count = 0;
    }

    /// <summary>Walks the list from most to least recently used (for diagnostics and tests).</summary>
    public IEnumerable<LruNode<TKey, TValue>> EnumerateFromHead()
    {
        for (var node = Head; node is not null; node = node.Next)
        {
            yield return node;
        }
    }
}
