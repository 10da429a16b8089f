using System.Globalization;

namespace LruAspire.Coherence;

internal static class Percentiles
{
    public static string Format(string title, List<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"{title}: p50 {At(sorted, 0.50):F2}, p90 {At(sorted, 0.90):F2}, p99 {At(sorted, 0.99):F2}, max {sorted[^1]:F2}");
    }

    // Nearest-rank percentile: the smallest sample with at least p of the samples at or below it.
    private static double At(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
