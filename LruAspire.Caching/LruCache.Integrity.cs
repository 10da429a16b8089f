using LruAspire.Caching.Entries;

namespace LruAspire.Caching;

// The tests' view of the policy and the soak tests' integrity check, kept apart from the operations they verify.
public sealed partial class LruCache<TKey, TValue>
{
    /// <summary>
    /// The values' keys in the policy's order, after replaying the read buffer: for <see cref="CachePolicy.Lru"/>
    /// from most to least recently used (the order in which they would survive eviction).
    /// </summary>
    internal IReadOnlyList<TKey> KeysByRecency()
    {
        lock (_policyLock)
        {
            DrainReadBufferLocked();
            return [.. _policy.Nodes().Select(node => node.Key)];
        }
    }

    /// <summary>Whether some read-buffer stripe is full (readers drop reads until it is drained).</summary>
    internal bool HasFullReadBufferStripe() => _readBuffer.AnyFull();

    /// <summary>
    /// Throws unless the map, the policy's lists, the absences, the expiration order, the counts, the byte total,
    /// the bounds and the sketch agree (and, when asked, no load is left registered). Used after concurrent churn.
    /// </summary>
    internal void AssertIntegrity(bool expectNoLoads = true)
    {
        lock (_policyLock)
        {
            DrainReadBufferLocked();
            var values = CheckListed(_policy.Nodes(), absent: false, out var bytes);
            var absences = CheckListed(_absences.EnumerateFromHead(), absent: true, out _);
            _policy.AssertIntegrity();

            if (values != _policy.Count || absences != _absences.Count || values + absences != _map.Count || _map.Count != _count)
            {
                throw new InvalidOperationException(
                    $"Map has {_map.Count} entries, count says {_count}; listed {values} values (policy {_policy.Count}) and {absences} absences (list {_absences.Count}).");
            }
            if (values > Capacity || absences > MaxAbsences)
            {
                throw new InvalidOperationException($"{values} values (capacity {Capacity}) and {absences} absences (bound {MaxAbsences}).");
            }
            if (bytes != _bytes || bytes > (MaxBytes ?? long.MaxValue))
            {
                throw new InvalidOperationException($"Byte total is {_bytes} but the entries add up to {bytes} (bound {MaxBytes}).");
            }
            CheckExpirationOrder();
            if (expectNoLoads && _loads.Count != 0)
            {
                throw new InvalidOperationException($"{_loads.Count} loads are still registered.");
            }
        }
    }

    private int CheckListed(IEnumerable<CacheNode<TKey, TValue>> nodes, bool absent, out long bytes)
    {
        var walked = 0;
        bytes = 0;
        CacheNode<TKey, TValue>? previous = null;
        foreach (var node in nodes)
        {
            if (node.IsAbsent != absent || node.Queue is NodeQueue.Removed or NodeQueue.None)
            {
                throw new InvalidOperationException($"Key {node.Key} is listed with the wrong kind or as removed ({node.Queue}).");
            }
            if (node.Next is { } next && !ReferenceEquals(next.Previous, node))
            {
                throw new InvalidOperationException($"Broken back link after key {node.Key}.");
            }
            if (!ReferenceEquals(_map.Find(node.Key), node))
            {
                throw new InvalidOperationException($"Listed key {node.Key} is not mapped to its node.");
            }
            previous = node;
            walked++;
            bytes += node.Size;
        }
        return walked;
    }

    /// <summary>Every live entry that can expire has one heap item, queued no later than its deadline, so it is found in time.</summary>
    private void CheckExpirationOrder()
    {
        var queued = new Dictionary<CacheNode<TKey, TValue>, long>(ReferenceEqualityComparer.Instance);
        foreach (var (node, deadline) in _expirations.Enumerate())
        {
            if (node.Queue != NodeQueue.Removed && !queued.TryAdd(node, deadline))
            {
                throw new InvalidOperationException($"Key {node.Key} is queued for expiration twice.");
            }
        }

        var expiring = 0;
        foreach (var node in _map.Nodes().Where(node => node.CanExpire))
        {
            expiring++;
            if (!queued.TryGetValue(node, out var deadline) || deadline > node.DeadlineTicks)
            {
                throw new InvalidOperationException($"Key {node.Key} can expire but is not queued at or before its deadline.");
            }
        }
        if (expiring != queued.Count || expiring != _expirations.Tracked)
        {
            throw new InvalidOperationException($"{expiring} entries can expire; the queue holds {queued.Count} live items and tracks {_expirations.Tracked}.");
        }
    }
}
