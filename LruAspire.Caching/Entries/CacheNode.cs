using LruAspire.Caching.Expiration;

namespace LruAspire.Caching.Entries;

/// <summary>
/// One entry: its key, its value (or the fact that the key has none), its size and expiration, and its place in
/// one of the policy's intrusive access-order lists.
/// </summary>
/// <remarks>
/// <para>
/// The value, size and expiration are immutable: an update publishes a <em>new</em> node in the map instead of
/// writing into this one. Readers run without a lock, so a value written in place could be read half-old,
/// half-new when <typeparamref name="TValue"/> is a struct wider than a machine word; replacing the node costs one
/// allocation per update (an insert allocates one anyway) and makes every read see one consistent entry.
/// </para>
/// <para>
/// Only <see cref="DeadlineTicks"/> changes outside the policy lock: a hit on a sliding entry moves it later.
/// The links and <see cref="Queue"/> are guarded by the policy lock. A reader may still hold a node that a writer
/// has just removed; <see cref="Queue"/> = <see cref="NodeQueue.Removed"/> tells the buffer drain to skip it.
/// </para>
/// </remarks>
internal sealed class CacheNode<TKey, TValue>(TKey key, int hash, TValue? value, bool isAbsent, long size, EntryExpiration expiration, long deadlineTicks)
{
    private long _deadlineTicks = deadlineTicks;

    public TKey Key { get; } = key;

    /// <summary>
    /// The key's hash code, computed when the node is built (and again only if its map switches to the randomized
    /// string hash): the map's buckets and the frequency sketch use it, so neither an eviction nor an access hashes
    /// the key again.
    /// </summary>
    public int Hash { get; private set; } = hash;

    public TValue? Value { get; } = value;

    /// <summary>The entry remembers that the key has no value (negative caching).</summary>
    public bool IsAbsent { get; } = isAbsent;

    /// <summary>The size counted against the byte bound.</summary>
    public long Size { get; } = size;

    public EntryExpiration Expiration { get; } = expiration;

    /// <summary>Whether the entry has a deadline at all; an entry that cannot expire never reads the clock.</summary>
    public bool CanExpire => Expiration.CanExpire;

    /// <summary>When the entry stops being live, in UTC ticks; <see cref="EntryExpiration.Never"/> when it cannot expire.</summary>
    public long DeadlineTicks => Volatile.Read(ref _deadlineTicks);

    public NodeQueue Queue { get; set; }

    public CacheNode<TKey, TValue>? Previous { get; set; }

    public CacheNode<TKey, TValue>? Next { get; set; }

    /// <summary>
    /// The next node in this node's <see cref="NodeMap{TKey, TValue}"/> bucket: written under the policy lock, read
    /// without one (a field, for volatile access). A removed node keeps it, for readers still standing on it.
    /// </summary>
    public CacheNode<TKey, TValue>? NextInBucket;

    /// <summary>
    /// Gives the node its key's hash under a new hash function: only <see cref="NodeMap{TKey, TValue}"/> calls it, on
    /// its nodes while its resize counter is odd, and on the node it is adding, which no reader can see yet (see its
    /// remarks on string keys).
    /// </summary>
    public void Rehash(int hash) => Hash = hash;

    /// <summary>Whether the entry is still live at <paramref name="nowTicks"/>.</summary>
    public bool IsLiveAt(long nowTicks) => nowTicks < DeadlineTicks;

    /// <summary>
    /// Restarts a sliding window after a hit at <paramref name="nowTicks"/>. Lock-free: concurrent hits race, and
    /// the compare-and-swap keeps the latest deadline so a slow reader can never move it back.
    /// </summary>
    public void Slide(long nowTicks)
    {
        if (Expiration.SlidingTicks == 0)
        {
            return;
        }
        var next = Expiration.DeadlineAfterAccess(nowTicks);
        var current = Volatile.Read(ref _deadlineTicks);
        while (next > current)
        {
            var seen = Interlocked.CompareExchange(ref _deadlineTicks, next, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
