namespace LruAspire.Traces;

/// <summary>The counts of one replay of a trace through one cache.</summary>
/// <param name="Requests">Every key of the trace: cold misses included, no warm-up.</param>
/// <param name="Hits">Requests answered by the cache.</param>
public readonly record struct ReplayResult(long Requests, long Hits)
{
    /// <summary>Requests the cache could not answer.</summary>
    public long Misses => Requests - Hits;

    /// <summary>Hits / requests as a fraction (0–1); 0 for an empty trace.</summary>
    public double HitRatio => Requests == 0 ? 0 : (double)Hits / Requests;
}
