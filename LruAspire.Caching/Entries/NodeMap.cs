using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace LruAspire.Caching.Entries;

/// <summary>
/// The cache's hash table: keys to nodes, chained through the nodes themselves
/// (<see cref="CacheNode{TKey, TValue}.NextInBucket"/>), read without a lock and written by one thread at a time
/// (the holder of the cache's policy lock).
/// </summary>
/// <remarks>
/// <para>
/// <b>Why not <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/>.</b> Every write of
/// the cache already holds the policy lock, so the dictionary's own locks, its own node per entry and its second
/// hash of a victim's key on removal were paid for nothing. Here the cache's node is the table's entry and keeps
/// its hash: an insert allocates one object and hashes its key once, an eviction hashes nothing, and a hit
/// follows one chain of the nodes it needs anyway.
/// </para>
/// <para>
/// <b>Readers without a lock.</b> A writer publishes a node with a release store into its bucket (or its
/// predecessor), after every field is set, and unlinks a node by pointing its predecessor past it, leaving the
/// removed node's own link alone: a reader standing on it still reaches the rest of the chain. Chains only ever
/// lose or gain whole nodes, so a reader finds every node that was in its chain for the whole lookup. Only a
/// resize moves nodes between chains; it runs under a sequence counter (odd while it relinks), and a lookup that
/// found nothing while the counter moved looks again (a hit is always genuine: the key was compared).
/// </para>
/// <para>
/// <b>Buckets.</b> A power of two, indexed by the top bits of the hash times 2^32/φ (Fibonacci hashing), so keys
/// whose hashes differ only in high bits (block addresses, aligned ids) still spread. The table starts large
/// enough for every entry the cache can hold, up to 65,536, and doubles when the entries outnumber the buckets.
/// Keys hash with their own <see cref="object.GetHashCode"/> (or the cache's comparer), strings excepted (below);
/// an integer's hash is not randomized, and a chain is then bounded only by the entries the cache holds, as in a
/// <c>ConcurrentDictionary</c>.
/// </para>
/// <para>
/// <b>String keys</b> (with the default or ordinal equality) hash with <see cref="NonRandomizedStringHash"/>, not
/// with <see cref="string.GetHashCode()"/>: the randomized hash (Marvin) costs more than the rest of a hit. A
/// non-randomized function can be flooded by keys chosen to collide, so the first chain a writer finds longer than
/// <see cref="CollisionThreshold"/> switches the table, for good, to the randomized hash, rehashing every node
/// under the same counter as a resize: what .NET's <c>Dictionary</c> and <c>ConcurrentDictionary</c> do for
/// string keys.
/// </para>
/// </remarks>
internal sealed partial class NodeMap<TKey, TValue> where TKey : notnull
{
    private const int MaximumInitialBuckets = 1 << 16;

    /// <summary><see langword="null"/> for the default equality, which the JIT can inline for the key's type.</summary>
    private readonly IEqualityComparer<TKey>? _comparer;

    // A struct array: a ref to an element of a reference-type array costs a covariance check (a helper call) on
    // every lookup; a struct array needs none.
    private Bucket[] _buckets;

    /// <summary>Odd while a resize relinks chains; readers that found nothing look again if it moved.</summary>
    private int _resizes;

    /// <param name="entries">The most entries the table is expected to hold; it grows past that if needed.</param>
    /// <param name="comparer">Key equality; the default when <see langword="null"/>.</param>
    public NodeMap(int entries, IEqualityComparer<TKey>? comparer)
    {
        _comparer = comparer is null || ReferenceEquals(comparer, EqualityComparer<TKey>.Default) || ReferenceEquals(comparer, StringComparer.Ordinal)
            ? null
            : comparer;
        _nonRandomizedStrings = typeof(TKey) == typeof(string) && _comparer is null;
        _buckets = NewBuckets(Math.Clamp(entries, 16, MaximumInitialBuckets));
    }

    /// <summary>Entries in the table. Writer side (under the policy lock).</summary>
    public int Count { get; private set; }

    /// <summary>Finds the node for <paramref name="key"/> without a lock; safe against one concurrent writer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out CacheNode<TKey, TValue> node)
    {
        // The counter first: the hash function it reads next may change only while the counter is odd.
        var resizes = Volatile.Read(ref _resizes);
        var hash = Hash(key);
        node = FindIn(Volatile.Read(ref _buckets), hash, key);
        if (node is not null)
        {
            return true; // the key was compared: a hit is genuine even while a resize runs
        }
        // A miss counts only if no resize moved chains under the lookup. The barrier orders the plain reads above
        // before the counter's second read: a flood switch rewrites the hash flag and the nodes' hashes, and on ARM64
        // a plain read may otherwise be satisfied after that acquire read (new hash, old counter: a false miss).
        // Free on x64 (TSO), a load fence on ARM64, and only ever on a miss.
        Volatile.ReadBarrier();
        if ((resizes & 1) == 0 && resizes == Volatile.Read(ref _resizes))
        {
            return false;
        }
        // A returned node, not an out argument: passing the caller's variable by reference to a call would keep it
        // in memory, not in a register, on every hit.
        node = FindAfterResize(key);
        return node is not null;
    }

    /// <summary>Finds the node for <paramref name="key"/>. Writer side.</summary>
    public CacheNode<TKey, TValue>? Find(TKey key) => Find(key, Hash(key));

    /// <summary>
    /// Finds the node for <paramref name="key"/> with hash <paramref name="hash"/>, already computed. Writer side. A
    /// miss that walked a chain longer than <see cref="CollisionThreshold"/> makes the next <see cref="Add"/> rehash.
    /// </summary>
    public CacheNode<TKey, TValue>? Find(TKey key, int hash)
    {
        var walked = 0;
        for (var node = HeadOf(_buckets, hash); node is not null; node = node.NextInBucket)
        {
            if (node.Hash == hash && Equal(node.Key, key))
            {
                return node;
            }
            walked++;
        }
        if (walked > CollisionThreshold && _nonRandomizedStrings)
        {
            _floodDetected = true; // a store only then: this object's line is the one every reader reads
        }
        return null;
    }

    /// <summary>
    /// Adds a node whose key is not in the table. Writer side. If it has to rehash the table (a flood of colliding
    /// string keys), the node gets its new hash too: callers read <see cref="CacheNode{TKey, TValue}.Hash"/> after adding.
    /// </summary>
    public void Add(CacheNode<TKey, TValue> node)
    {
        if (_floodDetected)
        {
            Relink(_buckets.Length, rehash: true);
            node.Rehash(Hash(node.Key));
        }
        else if (Count >= _buckets.Length)
        {
            Relink(_buckets.Length * 2, rehash: false);
        }
        ref var bucket = ref HeadOf(_buckets, node.Hash);
        node.NextInBucket = bucket;
        Volatile.Write(ref bucket, node); // release: a reader that sees the node sees all its fields
        Count++;
    }

    /// <summary>Puts <paramref name="replacement"/> (same key) where <paramref name="existing"/> is. Writer side.</summary>
    public void Replace(CacheNode<TKey, TValue> existing, CacheNode<TKey, TValue> replacement)
    {
        replacement.NextInBucket = existing.NextInBucket;
        Volatile.Write(ref LinkTo(existing), replacement);
    }

    /// <summary>Unlinks <paramref name="node"/>, which is in the table. Writer side.</summary>
    public void Remove(CacheNode<TKey, TValue> node)
    {
        // The removed node keeps its link, so a reader standing on it still walks the rest of the chain.
        Volatile.Write(ref LinkTo(node), node.NextInBucket);
        Count--;
    }

    /// <summary>Empties the table; readers still walking the old buckets finish there. Writer side.</summary>
    public void Clear()
    {
        Volatile.Write(ref _buckets, NewBuckets(_buckets.Length));
        Count = 0;
    }

    /// <summary>Every node, bucket by bucket. Writer side.</summary>
    public IEnumerable<CacheNode<TKey, TValue>> Nodes()
    {
        foreach (var bucket in _buckets)
        {
            for (var node = bucket.Head; node is not null; node = node.NextInBucket)
            {
                yield return node;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private CacheNode<TKey, TValue>? FindIn(Bucket[] buckets, int hash, TKey key)
    {
        // Acquire loads along the chain: a node read here was fully built, and a resize's counter is read after them.
        for (var node = Volatile.Read(ref HeadOf(buckets, hash));
             node is not null;
             node = Volatile.Read(ref node.NextInBucket))
        {
            if (node.Hash == hash && Equal(node.Key, key))
            {
                return node;
            }
        }
        return null;
    }

    /// <summary>The link that points at <paramref name="node"/>: its bucket, or its predecessor's next link.</summary>
    private ref CacheNode<TKey, TValue>? LinkTo(CacheNode<TKey, TValue> node)
    {
        ref var link = ref HeadOf(_buckets, node.Hash);
        while (!ReferenceEquals(link, node))
        {
            link = ref link!.NextInBucket;
        }
        return ref link;
    }

    private static Bucket[] NewBuckets(int minimum) => new Bucket[(int)BitOperations.RoundUpToPowerOf2((uint)minimum)];

    private struct Bucket
    {
        public CacheNode<TKey, TValue>? Head;
    }
}
