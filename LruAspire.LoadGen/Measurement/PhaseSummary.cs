namespace LruAspire.LoadGen.Measurement;

/// <summary>The result of one phase: what a load-test report table shows per row.</summary>
/// <param name="StatusCodes">Responses per HTTP status; <c>none</c> counts requests that got no response.</param>
/// <param name="CacheHeaders">Responses per <c>X-Cache</c> value (HIT, MISS, COALESCED, BYPASS; NONE without the header).</param>
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
    IReadOnlyDictionary<string, long> CacheHeaders);

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
