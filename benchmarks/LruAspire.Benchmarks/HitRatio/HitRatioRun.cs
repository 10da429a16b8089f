using System.Globalization;
using LruAspire.Benchmarks.Caches;
using LruAspire.Benchmarks.Workloads;

namespace LruAspire.Benchmarks.HitRatio;

/// <summary>
/// Replays one seeded Zipf key stream through every cache at several capacities (read; on a miss, insert) and
/// prints the hit ratios as a Markdown table. The first 10% of the stream warms the caches and is not counted.
/// </summary>
public static class HitRatioRun
{
    private const int KeyCount = 100_000;
    private const int Requests = 2_000_000;
    private static readonly int[] Capacities = [100, 1_000, 10_000];
    private static readonly double[] Exponents = [0.9, 1.0];

    public static void Run(TextWriter output)
    {
        var keys = ZipfKeys.Keys(KeyCount);
        var value = new byte[64];
        output.WriteLine($"Zipf over {KeyCount:N0} keys, {Requests:N0} requests (first 10% warm-up), Environment.ProcessorCount = {Environment.ProcessorCount}");
        output.WriteLine();
        output.WriteLine("| s | capacity | " + string.Join(" | ", Enum.GetNames<CacheKind>()) + " |");
        output.WriteLine("|---|---:|" + string.Concat(Enum.GetValues<CacheKind>().Select(_ => "---:|")));

        foreach (var exponent in Exponents)
        {
            var stream = ZipfKeys.Sample(KeyCount, exponent, Requests, seed: 2026);
            foreach (var capacity in Capacities)
            {
                var ratios = Enum.GetValues<CacheKind>().Select(kind => Measure(CacheFactory.Create(kind, capacity), stream, keys, value));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {exponent:0.0} | {capacity:N0} | {string.Join(" | ", ratios.Select(r => r.ToString("P2", CultureInfo.InvariantCulture)))} |"));
            }
        }
    }

    private static double Measure(IBenchmarkCache cache, int[] stream, string[] keys, byte[] value)
    {
        var warmUp = stream.Length / 10;
        var hits = 0;
        for (var i = 0; i < stream.Length; i++)
        {
            var key = keys[stream[i]];
            if (cache.TryGet(key, out _))
            {
                if (i >= warmUp)
                {
                    hits++;
                }
            }
            else
            {
                cache.Set(key, value);
            }
        }
        return (double)hits / (stream.Length - warmUp);
    }
}
