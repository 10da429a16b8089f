using LruAspire.Caching.Entries;
using LruAspire.Caching.Expiration;

namespace LruAspire.Caching.Policies;

/// <summary>
/// A miniature W-TinyLFU cache with a fixed window share, fed only the sampled keys (by hash), counting its hits:
/// one candidate configuration for <see cref="WindowSimulations"/>. It reuses <see cref="TinyLfuPolicy{TKey, TValue}"/>
/// itself, reading (never incrementing) the live cache's frequency sketch, so its admission decisions are the ones
/// the live cache would make for those keys.
/// </summary>
internal sealed class WindowSimulation
{
    private readonly Dictionary<int, CacheNode<int, bool>> _map;
    private readonly TinyLfuPolicy<int, bool> _policy;
    private readonly int _capacity;

    /// <summary>The last evicted node, reused by the next miss, so a simulation allocates only while it fills.</summary>
    private CacheNode<int, bool>? _spare;

    public WindowSimulation(int capacity, double windowShare, FrequencySketch sketch)
    {
        _capacity = capacity;
        _map = new Dictionary<int, CacheNode<int, bool>>(capacity + 1);
        _policy = TinyLfuPolicy<int, bool>.Simulation(capacity, windowShare, sketch);
        WindowShare = windowShare;
    }

    public double WindowShare { get; }

    private double _wins;
    private double _losses;

    /// <summary>Sampled accesses this simulation hit minus those it missed, counting only those where the chosen simulation did the opposite.</summary>
    public double Lead => _wins - _losses;

    /// <summary>The standard deviation of <see cref="Lead"/> if both were equally good (McNemar's test): √(wins + losses).</summary>
    public double Spread => Math.Sqrt(_wins + _losses);

    /// <summary>Counts an access where this simulation and the chosen one disagreed.</summary>
    public void Record(bool won)
    {
        if (won)
        {
            _wins++;
        }
        else
        {
            _losses++;
        }
    }

    /// <summary>Weighs the past less (or forgets it, with 0), so the choice follows a changing workload.</summary>
    public void Decay(double factor)
    {
        _wins *= factor;
        _losses *= factor;
    }

    /// <summary>Replays one access; returns whether it hit.</summary>
    public bool Access(int hash)
    {
        if (_map.TryGetValue(hash, out var node))
        {
            _policy.RecordAccess(node);
            return true;
        }

        node = _spare ?? new CacheNode<int, bool>(hash, hash, value: false, isAbsent: false, size: 0, EntryExpiration.None, EntryExpiration.Never);
        _spare = null;
        node.Reuse(hash, hash);
        _map.Add(hash, node);
        _policy.Add(node);
        while (_policy.Count > _capacity)
        {
            var victim = _policy.SelectVictim();
            _policy.Remove(victim);
            _map.Remove(victim.Key);
            _spare = victim;
        }
        return false;
    }
}
