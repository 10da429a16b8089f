using LruAspire.Caching.Expiration;
using LruAspire.Caching.Loading;

namespace LruAspire.Caching.Lru;

/// <summary>
/// One exact LRU: a hash map from key to node, a doubly linked recency list, the byte total, the counters and
/// the loads in flight, all guarded by one lock. <see cref="LruCache{TKey, TValue}"/> routes each key to one
/// stripe by hash.
/// </summary>
/// <remarks>
/// Every public method takes the lock once and leaves the map, the list, <c>_bytes</c> and the counters
/// consistent before releasing it; there is no state outside the lock that could drift. Insert rule, which the
/// model-based tests mirror: first reclaim expired entries at the tail, then evict the tail while the entry
/// count or the byte total is over the bound.
/// </remarks>
internal sealed partial class LruStripe<TKey, TValue> where TKey : notnull
{
    private readonly Dictionary<TKey, LruNode<TKey, TValue>> _map;
    private readonly Dictionary<TKey, InFlightLoad<TValue>> _loads;
    private readonly RecencyList<TKey, TValue> _list = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private StripeCounters _counters;
    private long _bytes;

    public LruStripe(int capacity, long maxBytes, TimeProvider time, IEqualityComparer<TKey>? comparer)
    {
        Capacity = capacity;
        MaxBytes = maxBytes;
        _time = time;
        _map = new Dictionary<TKey, LruNode<TKey, TValue>>(capacity, comparer);
        _loads = new Dictionary<TKey, InFlightLoad<TValue>>(comparer);
    }

    public int Capacity { get; }

    /// <summary>This stripe's share of the byte bound; <see cref="long.MaxValue"/> when unbounded.</summary>
    public long MaxBytes { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    public LookupOutcome TryGet(TKey key, out TValue? value)
    {
        lock (_lock)
        {
            if (TryGetLiveLocked(key, out var node))
            {
                value = node.Value;
                return node.IsAbsent ? LookupOutcome.Absent : LookupOutcome.Hit;
            }
        }
        value = default;
        return LookupOutcome.Miss;
    }

    public void Set(TKey key, TValue? value, bool absent, EntryExpiration expiration, long size, long nowTicks)
    {
        lock (_lock)
        {
            // A write is newer than whatever a load in flight read, so the load must not overwrite it.
            _loads.Remove(key);
            StoreLocked(key, value, absent, expiration, size, nowTicks);
        }
    }

    /// <summary>Removes the key's entry and cancels the storing of any load in flight for it.</summary>
    /// <returns>Whether a live entry was removed.</returns>
    public bool Remove(TKey key)
    {
        lock (_lock)
        {
            _loads.Remove(key);
            if (!_map.TryGetValue(key, out var node))
            {
                return false;
            }

            var expired = node.DeadlineTicks != EntryExpiration.Never && Now() >= node.DeadlineTicks;
            RemoveLocked(node, expired ? EvictionReason.Expired : EvictionReason.Removed);
            return !expired;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _counters.Removals += _map.Count;
            _map.Clear();
            _list.Clear();
            _loads.Clear();
            _bytes = 0;
        }
    }

    /// <summary>Walks the whole stripe and reclaims every expired entry.</summary>
    public int RemoveExpired()
    {
        lock (_lock)
        {
            var now = Now();
            var removed = 0;
            for (var node = _list.Head; node is not null;)
            {
                var next = node.Next;
                if (node.DeadlineTicks <= now)
                {
                    RemoveLocked(node, EvictionReason.Expired);
                    removed++;
                }
                node = next;
            }
            return removed;
        }
    }

    public LruCacheStatistics AddTo(LruCacheStatistics total)
    {
        lock (_lock)
        {
            return _counters.AddTo(total) with { Count = total.Count + _map.Count, Bytes = total.Bytes + _bytes };
        }
    }

    public IReadOnlyList<TKey> KeysByRecency()
    {
        lock (_lock)
        {
            return [.. _list.EnumerateFromHead().Select(n => n.Key)];
        }
    }

    private bool TryGetLiveLocked(TKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LruNode<TKey, TValue>? node)
    {
        if (_map.TryGetValue(key, out node))
        {
            // The common case, an entry without expiration, never reads the clock.
            if (node.DeadlineTicks == EntryExpiration.Never || Renew(node))
            {
                _list.MoveToFront(node);
                if (node.IsAbsent)
                {
                    _counters.NegativeHits++;
                }
                else
                {
                    _counters.Hits++;
                }
                return true;
            }
            RemoveLocked(node, EvictionReason.Expired);
            node = null;
        }
        _counters.Misses++;
        return false;
    }

    /// <summary>Whether the entry is still live; if so a sliding window restarts now.</summary>
    private bool Renew(LruNode<TKey, TValue> node)
    {
        var now = Now();
        if (now >= node.DeadlineTicks)
        {
            return false;
        }
        node.DeadlineTicks = node.Expiration.DeadlineAfterAccess(now);
        return true;
    }

    private void StoreLocked(TKey key, TValue? value, bool absent, EntryExpiration expiration, long size, long now)
    {
        var deadline = expiration.DeadlineAfterAccess(now);
        _map.TryGetValue(key, out var node);
        if (deadline <= now || size > MaxBytes)
        {
            // Born expired, or too big ever to fit: do not store it, and do not keep serving the old value.
            if (node is not null)
            {
                RemoveLocked(node, deadline <= now ? EvictionReason.Removed : EvictionReason.Capacity);
            }
            return;
        }

        if (node is null)
        {
            TrimExpiredTail(now);
            if (_map.Count >= Capacity)
            {
                EvictTail(now);
            }
            node = new LruNode<TKey, TValue>(key);
            _map.Add(key, node);
            _list.AddFirst(node);
        }
        else
        {
            _bytes -= node.Size;
            _list.MoveToFront(node);
        }

        node.Value = value;
        node.IsAbsent = absent;
        node.Size = size;
        node.Expiration = expiration;
        node.DeadlineTicks = deadline;
        _bytes += size;

        // The new entry is at the head and fits on its own (size <= MaxBytes), so this never evicts it.
        while (_bytes > MaxBytes)
        {
            EvictTail(now);
        }
    }

    /// <summary>
    /// Reclaims expired entries at the LRU end before an insert: the least recently used entries are the most
    /// likely to have expired, and each entry is reclaimed at most once, so this is amortized O(1).
    /// </summary>
    private void TrimExpiredTail(long now)
    {
        while (_list.Tail is { } tail && tail.DeadlineTicks <= now)
        {
            RemoveLocked(tail, EvictionReason.Expired);
        }
    }

    private void EvictTail(long now)
    {
        var tail = _list.Tail!;
        RemoveLocked(tail, tail.DeadlineTicks <= now ? EvictionReason.Expired : EvictionReason.Capacity);
    }

    private void RemoveLocked(LruNode<TKey, TValue> node, EvictionReason reason)
    {
        _list.Remove(node);
        _map.Remove(node.Key);
        _bytes -= node.Size;
        _counters.Count(reason);
    }

    private long Now() => _time.GetUtcNow().UtcTicks;
}
