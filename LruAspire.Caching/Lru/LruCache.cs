using System.Diagnostics.CodeAnalysis;

namespace LruAspire.Caching.Lru;

/// <summary>
/// A strict least-recently-used cache: a hash map from key to node plus a doubly linked recency list.
/// </summary>
/// <remarks>
/// <para>
/// <b>Algorithm.</b> The map finds a key's node in O(1); the list keeps nodes ordered from most recently used
/// (head) to least recently used (tail). A hit moves its node to the head; an insert adds at the head and, when
/// the cache is full, evicts the tail. Every operation is O(1).
/// </para>
/// <para>
/// <b>Concurrency.</b> One lock guards the map and the list together, so every operation sees and leaves them
/// consistent. This is what makes the seed's eviction race impossible rather than tolerated: the Python version
/// let two threads pick the same tail and then "fixed" the second delete with <c>pop(key, None)</c>; here the
/// choice of victim and its removal from both structures happen atomically. Under this design "LRU" is exact:
/// the eviction order is the order in which operations acquired the lock.
/// </para>
/// </remarks>
public sealed class LruCache<TKey, TValue> where TKey : notnull
{
    private readonly Dictionary<TKey, LruNode<TKey, TValue>> _map;
    private readonly RecencyList<TKey, TValue> _list = new();
    private readonly Lock _lock = new();
    private long _hits;
    private long _misses;
    private long _evictions;

    public LruCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _map = new Dictionary<TKey, LruNode<TKey, TValue>>(capacity, comparer);
    }

    public int Capacity { get; }

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

    public LruCacheStatistics Statistics =>
        new(Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), Interlocked.Read(ref _evictions), Count, Capacity);

    /// <summary>Looks a key up and, on a hit, marks it most recently used.</summary>
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _list.MoveToFront(node);
                value = node.Value;
                _hits++;
                return true;
            }
            _misses++;
        }
        value = default;
        return false;
    }

    /// <summary>Adds or replaces a value and marks it most recently used, evicting the LRU entry if full.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                existing.Value = value;
                _list.MoveToFront(existing);
                return;
            }

            if (_map.Count >= Capacity)
            {
                var victim = _list.Tail!;
                _list.Remove(victim);
                _map.Remove(victim.Key);
                _evictions++;
            }

            var node = new LruNode<TKey, TValue>(key, value);
            _map.Add(key, node);
            _list.AddFirst(node);
        }
    }

    public bool Remove(TKey key)
    {
        lock (_lock)
        {
            if (!_map.Remove(key, out var node))
            {
                return false;
            }
            _list.Remove(node);
            return true;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _map.Clear();
            _list.Clear();
        }
    }

    /// <summary>Keys from most to least recently used: the order in which they would survive eviction.</summary>
    public IReadOnlyList<TKey> KeysByRecency()
    {
        lock (_lock)
        {
            return [.. _list.EnumerateFromHead().Select(n => n.Key)];
        }
    }

    /// <summary>
    /// Checks that the map and the list describe the same set of entries; throws if they disagree.
    /// Used by soak tests after concurrent churn.
    /// </summary>
    internal void AssertIntegrity()
    {
        lock (_lock)
        {
            var walked = 0;
            LruNode<TKey, TValue>? previous = null;
            foreach (var node in _list.EnumerateFromHead())
            {
                if (!ReferenceEquals(node.Previous, previous))
                {
                    throw new InvalidOperationException($"Broken back link at key {node.Key}.");
                }
                if (!_map.TryGetValue(node.Key, out var mapped) || !ReferenceEquals(mapped, node))
                {
                    throw new InvalidOperationException($"Listed key {node.Key} is not mapped to its node.");
                }
                previous = node;
                walked++;
            }

            if (!ReferenceEquals(previous, _list.Tail) || walked != _list.Count || walked != _map.Count || walked > Capacity)
            {
                throw new InvalidOperationException(
                    $"Map has {_map.Count} entries, list walked {walked} (count {_list.Count}), capacity {Capacity}.");
            }
        }
    }
}
