using System.Globalization;

namespace LruAspire.LoadGen.Measurement;

/// <summary>
/// The seed's "cache is N× faster than DB", measured both ways: the same keys read through the cache and
/// straight from PostgreSQL (<c>Cache-Control: no-cache</c>). Ratios above 1 favour the cache.
/// </summary>
public sealed record CacheComparison(double ThroughputRatio, double P50Ratio, double P99Ratio)
{
    public static CacheComparison From(PhaseSummary cache, PhaseSummary database) => new(
        Ratio(cache.Throughput, database.Throughput),
        Ratio(database.Latency.P50, cache.Latency.P50),
        Ratio(database.Latency.P99, cache.Latency.P99));

    public string Headline => string.Create(CultureInfo.InvariantCulture,
        $"cache vs database: {ThroughputRatio:0.0}× throughput, {P99Ratio:0.0}× lower p99 ({P50Ratio:0.0}× lower p50)");

    private static double Ratio(double numerator, double denominator) =>
        denominator <= 0 ? 0 : Math.Round(numerator / denominator, 2);
}
