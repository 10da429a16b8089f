namespace LruAspire.LoadGen.Measurement;

/// <summary>The result of one phase: what a load-test report table shows per row.</summary>
/// <param name="StatusCodes">Responses per HTTP status; <c>none</c> counts requests that got no response.</param>
/// <param name="CacheHeaders">Responses per <c>X-Cache</c> value (HIT, MISS, COALESCED, BYPASS; NONE without the header).</param>
/// <param name="GeneratorCpuSeconds">
/// CPU time the load generator's process used during the phase (all threads, seconds): what the measuring side
/// took from the cores it shares with the API. Null when not measured.
/// </param>
public sealed record PhaseSummary(
    string Name,
    int Users,
    double ElapsedSeconds,
    long Requests,
    double Throughput,
    long Errors,
    double ErrorRate,
    long WritesOk,
    long WritesUnavailable,
    LatencySummary Latency,
    IReadOnlyDictionary<string, long> StatusCodes,
    IReadOnlyDictionary<string, long> CacheHeaders,
    double? GeneratorCpuSeconds = null)
{
    /// <summary>
    /// HIT / (HIT + MISS + COALESCED) over this phase's own responses; null when none went through the cache.
    /// Unlike the API's <c>/metrics</c>, it holds with any number of API replicas and ignores other clients.
    /// </summary>
    public double? CacheHitRatio
    {
        get
        {
            var hits = CacheHeaders.GetValueOrDefault("HIT");
            var lookups = hits + CacheHeaders.GetValueOrDefault("MISS") + CacheHeaders.GetValueOrDefault("COALESCED");
            return lookups == 0 ? null : Math.Round((double)hits / lookups, 4);
        }
    }

    /// <summary>
    /// <see cref="GeneratorCpuSeconds"/> as a share of all <paramref name="processorCount"/> cores over the phase
    /// (0.5 = one of two cores busy in the generator), or null when not measured.
    /// </summary>
    public double? GeneratorCpuShare(int processorCount) =>
        GeneratorCpuSeconds is { } cpu && ElapsedSeconds > 0 ? Math.Round(cpu / (ElapsedSeconds * processorCount), 3) : null;

    /// <summary>The generator's CPU time per request in microseconds, or null when not measured or no request was sent.</summary>
    public double? GeneratorCpuMicrosecondsPerRequest =>
        GeneratorCpuSeconds is { } cpu && Requests > 0 ? Math.Round(cpu * 1_000_000 / Requests, 1) : null;
}

/// <summary>Latency statistics in milliseconds.</summary>
public sealed record LatencySummary(double Mean, double P50, double P90, double P95, double P99, double Max)
{
    public static LatencySummary From(LatencyHistogram histogram) => new(
        Round(histogram.MeanMilliseconds),
        Round(histogram.PercentileMilliseconds(50)),
        Round(histogram.PercentileMilliseconds(90)),
        Round(histogram.PercentileMilliseconds(95)),
        Round(histogram.PercentileMilliseconds(99)),
        Round(histogram.MaxMilliseconds));

    private static double Round(double milliseconds) => Math.Round(milliseconds, 3);
}
