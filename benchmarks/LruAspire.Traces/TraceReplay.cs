namespace LruAspire.Traces;

/// <summary>
/// Replays a trace through a cache with the counting rules of the ARC paper, Caffeine's simulator, BitFaster's
/// HitRateAnalysis and libCacheSim (<c>../shared/traces/README.md</c>): every request counts, cold misses included,
/// no warm-up; a hit is a successful lookup; a miss inserts the key.
/// </summary>
public static class TraceReplay
{
    /// <summary>Replays <paramref name="keys"/> in order, single-threaded, through <paramref name="cache"/>.</summary>
    /// <param name="keys">The trace, one key per request (from <see cref="TraceReader"/>).</param>
    /// <param name="cache">A cache that is empty when the replay starts and used by nothing else during it.</param>
    public static ReplayResult Run(ReadOnlySpan<long> keys, ITraceCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        long hits = 0;
        foreach (var key in keys)
        {
            if (cache.TryGet(key))
            {
                hits++;
            }
            else
            {
                cache.Add(key);
            }
        }
        return new ReplayResult(keys.Length, hits);
    }
}
