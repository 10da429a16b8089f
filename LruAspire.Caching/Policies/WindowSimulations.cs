namespace LruAspire.Caching.Policies;

/// <summary>
/// Chooses the admission window's share by miniature simulation (Waldspurger, Saemundsson, Ahmad and Park,
/// "Cache Modeling and Optimization using Miniature Simulations", USENIX ATC 2017): W-TinyLFU caches with
/// different fixed window shares, each scaled down to a hash-sampled subset of the keys, replay the same accesses
/// as the live cache; the live cache takes the share of one that hits significantly more than the current one.
/// </summary>
/// <remarks>
/// <para>
/// Why not Caffeine's hill climber: it learns from the live hit rate, one step per sample, so it needs many
/// samples (Caffeine's period is 10 × capacity) and is fooled by noise when the samples are short. On
/// scarab-recs at 100,000 entries it gets about one step in 1.2 million requests and stays 4 points below LRU.
/// The simulations compare every candidate share on the same requests at once.
/// </para>
/// <para>
/// <b>Paired test.</b> Because the simulations see the same requests, only the requests where a candidate and the
/// chosen simulation disagree carry information (McNemar's test): with <c>w</c> requests the candidate hit and the
/// chosen one missed, and <c>l</c> the other way round, the candidate wins when <c>w − l &gt; 3.5 √(w + l)</c>. The
/// counts decay by <see cref="Decay"/> each period so the choice follows a changing workload, and restart at each
/// switch. Requiring significance matters: a switch moves entries across the boundary, and switching on noise
/// (during the cold start, where every share hits the same) costs more than it gains.
/// </para>
/// <para>
/// <b>Cost.</b> A key is sampled when its mixed hash falls in one of <c>2^k</c> buckets, <c>k</c> chosen so a
/// miniature holds about <see cref="MiniatureEntries"/> entries (every key of a cache up to 255 entries). Each
/// sampled access costs one small policy update per simulation, under the policy lock while the read buffer
/// drains; nothing runs on the hit path itself.
/// </para>
/// </remarks>
internal sealed class WindowSimulations
{
    /// <summary>The candidate window shares: 1 % suits frequency-heavy loads, 90 % is within a hair of LRU.</summary>
    private static readonly double[] Shares = [0.01, 0.1, 0.3, 0.6, 0.9];

    /// <summary>About the size of each miniature cache: large enough to behave like the big one, small enough to be cheap.</summary>
    private const int MiniatureEntries = 128;

    /// <summary>Sampled accesses between two checks: often, so a large effect (a recency-heavy load) switches soon after the cache fills.</summary>
    private const int Period = 100;

    /// <summary>The counts lose a tenth of their weight every 1,000 sampled accesses.</summary>
    private static readonly double Decay = Math.Pow(0.9, Period / 1_000.0);

    /// <summary>
    /// The lead, in standard deviations of McNemar's statistic, that a candidate needs to be chosen: above the usual
    /// 3 because the test is repeated every period (measured: 3 switched on noise, 4 and more switched too late on
    /// scarab-recs).
    /// </summary>
    private const double Significance = 3.5;

    private readonly WindowSimulation[] _simulations;
    private readonly uint _sampleMask;
    private WindowSimulation _chosen;
    private int _sampled;

    public WindowSimulations(int capacity, double initialShare, FrequencySketch sketch)
    {
        var ratio = capacity / MiniatureEntries;
        var divisor = ratio <= 1 ? 1 : 1 << int.Log2(ratio);
        _sampleMask = (uint)divisor - 1;
        var miniature = Math.Max(1, capacity / divisor);
        _simulations = [.. Shares.Select(share => new WindowSimulation(miniature, share, sketch))];
        _chosen = _simulations.First(simulation => simulation.WindowShare == initialShare);
    }

    /// <summary>
    /// Replays one access in the simulations if its key is sampled; at the end of a period returns the window share
    /// to switch to, if one won, otherwise <see langword="null"/>.
    /// </summary>
    public double? Record(int hash)
    {
        // A different mix than the sketch's, so the sample is independent of the sketch's counter layout.
        if (((((uint)hash * 0x9E3779B9u) >> 7) & _sampleMask) != 0)
        {
            return null;
        }

        var chosenHit = _chosen.Access(hash);
        foreach (var simulation in _simulations)
        {
            if (!ReferenceEquals(simulation, _chosen) && simulation.Access(hash) is var hit && hit != chosenHit)
            {
                simulation.Record(won: hit);
            }
        }
        if (++_sampled < Period)
        {
            return null;
        }
        _sampled = 0;
        return Choose();
    }

    private double? Choose()
    {
        WindowSimulation? best = null;
        foreach (var simulation in _simulations)
        {
            if (simulation.Lead > Significance * simulation.Spread && simulation.Lead > (best?.Lead ?? 0))
            {
                best = simulation;
            }
            simulation.Decay(Decay);
        }
        if (best is null)
        {
            return null;
        }

        foreach (var simulation in _simulations)
        {
            simulation.Decay(0);
        }
        _chosen = best;
        return best.WindowShare;
    }
}
