using LruAspire.Caching.Entries;

namespace LruAspire.Caching.Policies;

/// <summary>
/// Decides which live value to evict when the cache needs room, from the accesses it is told about. Holds the
/// nodes in intrusive lists; the cache owns the map, the byte total and the expiration order. Every method runs
/// under the cache's policy lock.
/// </summary>
internal abstract class EvictionPolicy<TKey, TValue>
{
    /// <summary>The values the policy holds.</summary>
    public abstract int Count { get; }

    /// <summary>Creates the policy that <paramref name="policy"/> names; <paramref name="onThreadPool"/> sends <c>TinyLfu</c>'s simulations to the pool.</summary>
    public static EvictionPolicy<TKey, TValue> Create(CachePolicy policy, int capacity, bool onThreadPool) => policy switch
    {
        CachePolicy.Lru => new LruPolicy<TKey, TValue>(),
        CachePolicy.TinyLfu => new TinyLfuPolicy<TKey, TValue>(capacity, deferSimulations: onThreadPool),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, null),
    };

    /// <summary>A new value entered the cache (a miss followed by an insert).</summary>
    public abstract void Add(CacheNode<TKey, TValue> node);

    /// <summary><paramref name="replacement"/> takes the place of <paramref name="node"/> (an update); it counts as a use.</summary>
    public abstract void Replace(CacheNode<TKey, TValue> node, CacheNode<TKey, TValue> replacement);

    /// <summary>A hit on <paramref name="node"/>, replayed from the read buffer.</summary>
    public abstract void RecordAccess(CacheNode<TKey, TValue> node);

    /// <summary>Unlinks <paramref name="node"/>, whatever the reason it leaves.</summary>
    public abstract void Remove(CacheNode<TKey, TValue> node);

    /// <summary>The value to evict next; the cache then removes it (calling <see cref="Remove"/>). Only called when <see cref="Count"/> &gt; 0.</summary>
    public abstract CacheNode<TKey, TValue> SelectVictim();

    public abstract void Clear();

    /// <summary>Every node, for the integrity check and the tests, in the policy's own order.</summary>
    public abstract IEnumerable<CacheNode<TKey, TValue>> Nodes();

    /// <summary>Throws if the policy's own bookkeeping (list sizes, segment bounds, sketch) is inconsistent.</summary>
    public abstract void AssertIntegrity();
}
