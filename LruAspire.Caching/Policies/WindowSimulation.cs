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
    private readonly NodeMap<int, bool> _map;
    private readonly TinyLfuPolicy<int, bool> _policy;
    private readonly int _capacity;

    /// <summary>The last evicted node, reused by the next miss, so a simulation allocates only while it fills.</summary>
    private CacheNode<int, bool>? _spare;

    /// <summary>The decayed sum of the squared per-period leads, for <see cref="Spread"/>.</summary>
    private double _leadSquares;

    public WindowSimulation(int capacity, double windowShare, FrequencySketch sketch)
    {
        _capacity = capacity;
        _map = new NodeMap<int, bool>(capacity + 1, comparer: null);
        _policy = TinyLfuPolicy<int, bool>.Simulation(capacity, windowShare, sketch);
        WindowShare = windowShare;
    }

    public double WindowShare { get; }

    /// <summary>Hits in the current period (see <see cref="WindowSimulations"/>).</summary>
    public int PeriodHits { get; private set; }

    /// <summary>The decayed sum, over the periods since the last switch, of this simulation's hits minus the chosen one's.</summary>
    public double Lead { get; private set; }

    /// <summary>
    /// The spread <see cref="Lead"/> would have if this simulation were no better than the chosen one: the square
    /// root of the decayed sum of the squared per-period leads (the batch-means estimate of its standard deviation).
    /// </summary>
    public double Spread => Math.Sqrt(_leadSquares);

    /// <summary>Closes a period in which the chosen simulation hit <paramref name="chosenHits"/> times; the past weighs <paramref name="decay"/> as much.</summary>
    public void EndPeriod(int chosenHits, double decay)
    {
        var lead = PeriodHits - chosenHits;
        Lead = Lead * decay + lead;
        _leadSquares = _leadSquares * decay + (double)lead * lead;
    }

    /// <summary>Starts a period: its hits count from zero.</summary>
    public void StartPeriod() => PeriodHits = 0;

    /// <summary>Forgets the lead: it was measured against a simulation that is no longer the chosen one.</summary>
    public void Restart()
    {
        Lead = 0;
        _leadSquares = 0;
    }

    /// <summary>Replays one access; returns whether it hit.</summary>
    public bool Access(int hash)
    {
        if (_map.Find(hash, hash) is { } node)
        {
            _policy.RecordAccess(node);
            PeriodHits++;
            return true;
        }

        node = _spare ?? new CacheNode<int, bool>(hash, hash, value: false, isAbsent: false, size: 0, EntryExpiration.None, EntryExpiration.Never);
        _spare = null;
        node.Reuse(hash, hash);
        _map.Add(node);
        _policy.Add(node);
        while (_policy.Count > _capacity)
        {
            var victim = _policy.SelectVictim();
            _policy.Remove(victim);
            _map.Remove(victim);
            _spare = victim;
        }
        return false;
    }
}
