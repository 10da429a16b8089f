using System.Runtime.CompilerServices;

namespace LruAspire.Caching.Concurrency;

/// <summary>
/// A bounded, lossy ring buffer with one producer in the common case and one consumer: the readers of one
/// <see cref="ThreadStripe"/> publish the nodes they hit, the thread holding the policy lock drains them.
/// </summary>
/// <remarks>
/// <para>
/// <b>Why no compare-and-swap.</b> Caffeine's <c>BoundedBuffer</c> and BitFaster's <c>MpscBoundedBuffer</c> let
/// many producers claim slots with a compare-and-swap on the tail. A locked instruction waits for every earlier
/// store to reach the cache, and the slot lines written by the last hit are the ones the consumer just read on
/// another core: measured, that wait made the hit twice as slow as the lookup itself. Here the producer writes
/// the slot and then the tail with plain stores (the tail's a release store, so the consumer that sees the tail
/// sees the slot), and they retire from the store buffer while the reader moves on.
/// </para>
/// <para>
/// <b>Races.</b> Each live thread gets a stripe of its own while there are no more of them than stripes
/// (<see cref="ThreadStripe"/>). Two threads that share one may interleave: a read can then be overwritten (lost,
/// as when the ring is full) or replayed twice, a dropped-hit count can lose an increment, and a late producer can
/// move the tail back, which the consumer detects (the tail is behind the head or more than a ring ahead) and
/// answers by skipping to the tail. Every slot holds a node some reader really hit, so the worst case is a lost or
/// repeated access in an approximate policy and a hit counted once too often or too rarely (a few percent of a
/// shared stripe's hits, measured); nothing is ever corrupted.
/// </para>
/// <para>
/// <b>Full.</b> The producer compares its tail with a cached copy of the head, on its own cache line, and reads
/// the consumer's head only when the cached copy says the ring is full, so a hit reads no line the consumer writes.
/// </para>
/// </remarks>
internal sealed class ReadBufferStripe<T> where T : class
{
    // A struct array: a ref to an element of a T[] costs a covariance check (a helper call) on every hit; a
    // struct array needs none.
    private readonly Slot[] _slots;
    private readonly int _mask;
    private RingEnds _ends;

    public ReadBufferStripe(int capacity)
    {
        _slots = new Slot[capacity];
        _mask = capacity - 1;
    }

    /// <summary>Hits of values this ring dropped because it was full (a snapshot).</summary>
    public long DroppedHits => Volatile.Read(ref _ends.DroppedHits);

    /// <summary>Hits of remembered absences this ring dropped because it was full (a snapshot).</summary>
    public long DroppedAbsenceHits => Volatile.Read(ref _ends.DroppedAbsenceHits);

    /// <summary>Whether a producer would find the ring full now (a snapshot), by the producer's own room check.</summary>
    public bool IsFull => !HasRoom(Volatile.Read(ref _ends.Tail), Volatile.Read(ref _ends.Head));

    /// <summary>
    /// Whether nothing was published since the last drain (a snapshot; only the lock holder asks). Every write drains
    /// every stripe in use, and most are empty: this decides that inline, without a call.
    /// </summary>
    public bool IsEmpty
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref _ends.Tail) == _ends.Head;
    }

    /// <summary>
    /// Publishes <paramref name="item"/> if the producer's cached copy of the head shows room; <see langword="false"/>
    /// otherwise, and then <see cref="TryAddWithFreshHead"/> tells whether the ring is really full.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAdd(T item)
    {
        var tail = _ends.Tail;
        if (!HasRoom(tail, _ends.CachedHead))
        {
            return false;
        }
        // The slot, then the tail: a release store, so a consumer that reads the tail sees the slot.
        _slots[tail & _mask].Item = item;
        Volatile.Write(ref _ends.Tail, tail + 1);
        return true;
    }

    /// <summary>Reads the consumer's head again, then publishes <paramref name="item"/>; <see langword="false"/> when the ring is full.</summary>
    public bool TryAddWithFreshHead(T item)
    {
        _ends.CachedHead = Volatile.Read(ref _ends.Head);
        return TryAdd(item);
    }

    /// <summary>
    /// Counts a hit the full ring could not take, so it is still counted as a hit. A plain add on the line the
    /// producer already owns: an interlocked one would cost more than the rest of the dropped read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CountDropped(bool absence)
    {
        if (absence)
        {
            _ends.DroppedAbsenceHits++;
        }
        else
        {
            _ends.DroppedHits++;
        }
    }

    /// <summary>
    /// Moves the published items, oldest first, into <paramref name="output"/> (which holds a whole ring) and
    /// clears their slots, so removed entries are not kept alive; only the lock holder calls it.
    /// </summary>
    public int DrainTo(Span<T> output)
    {
        var tail = Volatile.Read(ref _ends.Tail);
        var head = _ends.Head;
        if ((uint)(tail - head) > (uint)_slots.Length)
        {
            // Two producers raced and the tail went back (see the remarks): what lies between is not trustworthy.
            Volatile.Write(ref _ends.Head, tail);
            return 0;
        }

        var count = 0;
        for (; head != tail; head++)
        {
            ref var slot = ref _slots[head & _mask].Item;
            if (slot is { } item)
            {
                output[count++] = item;
                slot = null;
            }
        }
        Volatile.Write(ref _ends.Head, tail);
        return count;
    }

    /// <summary>
    /// Whether a producer at <paramref name="tail"/> may write, given a head. Unsigned: after two producers raced,
    /// the tail can lie behind the head (or the cached head ahead of the real one), and a signed difference would
    /// then let the producer write far past a full ring, which the next drain discards whole. Unsigned, that state
    /// reads as full: the producer re-reads the head, a drain runs, and the ends agree again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool HasRoom(int tail, int head) => (uint)(tail - head) < (uint)_slots.Length;

    private struct Slot
    {
        public T? Item;
    }
}
