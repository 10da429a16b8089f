using LruAspire.Caching.Entries;

namespace LruAspire.Caching.Policies;

/// <summary>
/// A W-TinyLFU cache of key hashes with a fixed window share: the cache each <see cref="WindowSimulation"/> replays
/// its sampled accesses in. Its policy is <see cref="TinyLfuPolicy{TKey, TValue}"/>'s, step for step: a window, then
/// probation and protected; a window overflow becomes the candidate that duels probation's least recently used entry,
/// and the one the simulations' <see cref="FrequencySketch"/> (shared by the five miniatures, counted by
/// <see cref="WindowSimulations"/>, only read here) has seen less often is evicted. The window never changes size here, so a new key pushes at most one entry out of it, and that candidate
/// duels at once: no candidate is kept from one access to the next (the live policy keeps one for an eviction that may
/// come later). It does not flip the live policy's coin for warm candidates: a simulation decides by frequency alone,
/// so the window share it measures does not hang on a random draw (each flip changes a simulation's contents, and with
/// it which period first shows a significant lead: up to 1.5 points between runs on sprite at 512 entries).
/// </summary>
/// <remarks>
/// <b>Layout.</b> Entries are slots of one struct array, linked by index into three circular lists (each with a
/// sentinel slot, so linking has no null checks) and into hash chains. Five simulations replay every sampled access,
/// so they are a large part of what a new key costs the live cache: as objects (a
/// <see cref="Entries.CacheNode{TKey, TValue}"/> per entry, in a <see cref="Entries.NodeMap{TKey, TValue}"/>) they cost
/// 57 of the 180 ns of a <c>TinyLfu</c> miss and insert at 1,024 entries, mostly the GC's write barrier on every
/// relinked reference and loads from nodes spread over the heap. A slot is 20 bytes and a chain head 4 (2 to 4 heads
/// per entry, at least 16): a 128-entry miniature takes about 4.7 KB, and a relink is a plain store.
/// </remarks>
internal sealed class MiniatureTinyLfu
{
    private const int None = -1;

    private readonly Slot[] _slots;
    private readonly int[] _buckets;
    private readonly int _bucketBits;
    private readonly FrequencySketch _sketch;
    private readonly int _capacity;
    private readonly int _windowMaximum;
    private readonly int _protectedMaximum;

    /// <summary>Entries in each list, by <see cref="Queue"/>.</summary>
    private readonly int[] _counts = new int[3];

    /// <summary>The slots at and after this index have never held an entry.</summary>
    private int _unused;

    /// <summary>The slot the last eviction freed, taken by the next new key.</summary>
    private int _spare = None;

    /// <param name="capacity">Entries the miniature holds, at least 1.</param>
    /// <param name="windowShare">The window's share of <paramref name="capacity"/>, sized as the live policy sizes it.</param>
    /// <param name="sketch">The simulations' sketch, scaled down like the miniatures (see <see cref="WindowSimulations"/>).</param>
    public MiniatureTinyLfu(int capacity, double windowShare, FrequencySketch sketch)
    {
        _capacity = capacity;
        _sketch = sketch;
        (_windowMaximum, _protectedMaximum) = SegmentBounds.For(capacity, windowShare);

        // One slot more than the capacity (a new key is linked before the victim leaves), then the three sentinels.
        _slots = new Slot[capacity + 4];
        for (var queue = Queue.Window; queue <= Queue.Protected; queue++)
        {
            var sentinel = SentinelOf(queue);
            _slots[sentinel].Previous = sentinel;
            _slots[sentinel].Next = sentinel;
        }
        // 2 to 4 chain heads per entry (at least 16), so a miss rarely walks a chain.
        _bucketBits = int.Max(4, int.Log2(capacity) + 2);
        _buckets = new int[1 << _bucketBits];
        Array.Fill(_buckets, None);
    }

    private enum Queue : byte
    {
        Window,
        Probation,
        Protected,
    }

    private int Count => _counts[(int)Queue.Window] + _counts[(int)Queue.Probation] + _counts[(int)Queue.Protected];

    /// <summary>Replays one access to the key with hash <paramref name="hash"/>; returns whether it hit.</summary>
    public bool Access(int hash)
    {
        ref var head = ref _buckets[BucketOf(hash)];
        for (var slot = head; slot != None; slot = _slots[slot].NextInBucket)
        {
            if (_slots[slot].Hash == hash)
            {
                Promote(slot);
                return true;
            }
        }

        var added = _spare != None ? _spare : _unused++;
        _spare = None;
        _slots[added].Hash = hash;
        _slots[added].NextInBucket = head;
        head = added;
        var candidate = Add(added);
        if (Count > _capacity)
        {
            var evicted = Duel(candidate);
            Evict(evicted);
            _spare = evicted;
        }
        return false;
    }

    /// <summary>As in <see cref="Entries.NodeMap{TKey, TValue}"/>: block addresses and other aligned keys spread too.</summary>
    private int BucketOf(int hash) => FibonacciHashing.Bucket(hash, _bucketBits);

    /// <summary>Links a new entry at the window's front; returns the window's overflow, now in probation, if any.</summary>
    private int Add(int slot)
    {
        AddFirst(Queue.Window, slot);
        if (_counts[(int)Queue.Window] <= _windowMaximum)
        {
            return None;
        }
        var overflow = _slots[SentinelOf(Queue.Window)].Previous;
        Unlink(overflow);
        AddFirst(Queue.Probation, overflow);
        return overflow;
    }

    private void Promote(int slot)
    {
        var queue = _slots[slot].Queue;
        if (queue == Queue.Probation && _protectedMaximum > 0)
        {
            Unlink(slot);
            AddFirst(Queue.Protected, slot);
            while (_counts[(int)Queue.Protected] > _protectedMaximum)
            {
                var demoted = _slots[SentinelOf(Queue.Protected)].Previous;
                Unlink(demoted);
                AddFirst(Queue.Probation, demoted);
            }
        }
        else if (_slots[SentinelOf(queue)].Next != slot)
        {
            Unlink(slot);
            AddFirst(queue, slot);
        }
    }

    /// <summary>
    /// The entry to evict: the loser of the duel between <paramref name="candidate"/> and probation's least recently
    /// used entry. Only a full cache evicts, and its window is full (nothing leaves the window but its overflow), so
    /// every eviction has a candidate, and it is in probation: probation is never empty here, and its least recently
    /// used entry is the candidate itself when it held nothing else.
    /// </summary>
    private int Duel(int candidate)
    {
        var victim = _slots[SentinelOf(Queue.Probation)].Previous;
        return candidate == victim || _sketch.Frequency(_slots[candidate].Hash) > _sketch.Frequency(_slots[victim].Hash)
            ? victim
            : candidate;
    }

    /// <summary>Takes <paramref name="slot"/> out of its list and its hash chain.</summary>
    private void Evict(int slot)
    {
        Unlink(slot);

        ref var link = ref _buckets[BucketOf(_slots[slot].Hash)];
        while (link != slot)
        {
            link = ref _slots[link].NextInBucket;
        }
        link = _slots[slot].NextInBucket;
    }

    private void AddFirst(Queue queue, int slot)
    {
        var sentinel = SentinelOf(queue);
        var first = _slots[sentinel].Next;
        ref var entry = ref _slots[slot];
        entry.Queue = queue;
        entry.Previous = sentinel;
        entry.Next = first;
        _slots[first].Previous = slot;
        _slots[sentinel].Next = slot;
        _counts[(int)queue]++;
    }

    private void Unlink(int slot)
    {
        ref var entry = ref _slots[slot];
        _slots[entry.Previous].Next = entry.Next;
        _slots[entry.Next].Previous = entry.Previous;
        _counts[(int)entry.Queue]--;
    }

    private int SentinelOf(Queue queue) => _capacity + 1 + (int)queue;

    /// <summary>An entry (or a list's sentinel): its key's hash and its links, as slot indexes.</summary>
    private struct Slot
    {
        public int Hash;
        public int Previous;
        public int Next;
        public int NextInBucket;
        public Queue Queue;
    }
}
