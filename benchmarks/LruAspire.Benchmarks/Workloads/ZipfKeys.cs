namespace LruAspire.Benchmarks.Workloads;

/// <summary>
/// Draws key indexes 0..n-1 with Zipf probabilities (rank r has weight 1/(r+1)^s): a few keys are very popular,
/// most are rare, like real cache traffic. Inverse-CDF sampling over a precomputed table; seeded, so every cache
/// sees exactly the same stream.
/// </summary>
public static class ZipfKeys
{
    public static int[] Sample(int keyCount, double exponent, int length, int seed)
    {
        var cdf = new double[keyCount];
        var total = 0.0;
        for (var rank = 0; rank < keyCount; rank++)
        {
            total += 1.0 / Math.Pow(rank + 1, exponent);
            cdf[rank] = total;
        }

        var random = new Random(seed);
        var stream = new int[length];
        for (var i = 0; i < length; i++)
        {
            var index = Array.BinarySearch(cdf, random.NextDouble() * total);
            stream[i] = Math.Min(index < 0 ? ~index : index, keyCount - 1);
        }
        return stream;
    }

    /// <summary>Distinct string keys for the indexes, created once so lookups do not allocate.</summary>
    public static string[] Keys(int keyCount) =>
        [.. Enumerable.Range(0, keyCount).Select(i => "item:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
