namespace LruAspire.Caching.Concurrency;

/// <summary>
/// A bounded, lossy, multi-producer single-consumer ring buffer: readers publish the nodes they hit, the thread
/// holding the policy lock drains them. The design of Caffeine's <c>BoundedBuffer</c> and BitFaster's
/// <c>MpscBoundedBuffer</c>: a producer claims a slot by a compare-and-swap on the tail and then writes it; the
/// consumer takes slots from the head until it meets one not written yet.
/// </summary>
internal sealed class ReadBufferStripe<T> where T : class
{
    private readonly T?[] _slots;
    private readonly int _mask;
    private PaddedHeadAndTail _ends;

    public ReadBufferStripe(int capacity)
    {
        _slots = new T?[capacity];
        _mask = capacity - 1;
    }

    public int Capacity => _slots.Length;

    /// <summary>Whether a producer would find the ring full now (a snapshot).</summary>
    public bool IsFull => Volatile.Read(ref _ends.Tail) - Volatile.Read(ref _ends.Head) >= _slots.Length;

    public AddResult TryAdd(T item)
    {
        var head = Volatile.Read(ref _ends.Head);
        var tail = Volatile.Read(ref _ends.Tail);
        if (tail - head >= _slots.Length)
        {
            return AddResult.Full;
        }
        if (Interlocked.CompareExchange(ref _ends.Tail, tail + 1, tail) != tail)
        {
            return AddResult.Contended;
        }
        Volatile.Write(ref _slots[tail & _mask], item);
        return AddResult.Added;
    }

    /// <summary>Moves the published items, oldest first, into <paramref name="output"/>; only the lock holder calls it.</summary>
    public int DrainTo(Span<T> output)
    {
        var head = _ends.Head;
        var tail = Volatile.Read(ref _ends.Tail);
        var count = 0;
        while (head != tail && count < output.Length)
        {
            ref var slot = ref _slots[head & _mask];
            var item = Volatile.Read(ref slot);
            if (item is null)
            {
                break; // claimed but not written yet: the producer is between its CAS and its write
            }
            slot = null;
            output[count++] = item;
            head++;
        }
        Volatile.Write(ref _ends.Head, head);
        return count;
    }
}

/// <summary>The result of offering an item to a <see cref="ReadBufferStripe{T}"/>.</summary>
internal enum AddResult
{
    Added,

    /// <summary>The ring is full: the caller should drain it (or drop the item).</summary>
    Full,

    /// <summary>Another producer won the slot: the caller may try another stripe.</summary>
    Contended,
}
