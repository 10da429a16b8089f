namespace LruAspire.Caching.Policies;

/// <summary>
/// One candidate window share for <see cref="WindowSimulations"/>: a <see cref="MiniatureTinyLfu"/> with that share,
/// fed only the sampled keys (by hash), and its hits and lead over the chosen share.
/// </summary>
internal sealed class WindowSimulation
{
    private readonly MiniatureTinyLfu _cache;

    /// <summary>The decayed sum of the squared per-period leads, for <see cref="Spread"/>.</summary>
    private double _leadSquares;

    public WindowSimulation(int capacity, double windowShare, FrequencySketch sketch)
    {
        _cache = new MiniatureTinyLfu(capacity, windowShare, sketch);
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
        if (!_cache.Access(hash))
        {
            return false;
        }
        PeriodHits++;
        return true;
    }
}
