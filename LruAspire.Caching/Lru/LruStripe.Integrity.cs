namespace LruAspire.Caching.Lru;

// The soak tests' integrity check, kept apart from the cache operations it verifies.
internal sealed partial class LruStripe<TKey, TValue>
{
    /// <summary>
    /// Checks that the map, the list, the entry count, the byte total and the bounds agree, and that no load is
    /// left registered; throws if not. Used by the soak tests after concurrent churn.
    /// </summary>
    public void AssertIntegrity(bool expectNoLoads)
    {
        lock (_lock)
        {
            var walked = 0;
            long bytes = 0;
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
                bytes += node.Size;
            }

            if (!ReferenceEquals(previous, _list.Tail) || walked != _list.Count || walked != _map.Count || walked > Capacity)
            {
                throw new InvalidOperationException(
                    $"Map has {_map.Count} entries, list walked {walked} (count {_list.Count}), capacity {Capacity}.");
            }
            if (bytes != _bytes || bytes > MaxBytes)
            {
                throw new InvalidOperationException($"Byte total is {_bytes} but the entries add up to {bytes} (bound {MaxBytes}).");
            }
            if (expectNoLoads && _loads.Count != 0)
            {
                throw new InvalidOperationException($"{_loads.Count} loads are still registered.");
            }
        }
    }
}
