using System.Diagnostics;
using System.Numerics;

namespace LruAspire.LoadGen.Measurement;

/// <summary>
/// A lock-free latency histogram in microseconds with log-linear buckets (the HdrHistogram idea, two
/// significant digits): values below 128 µs are exact, above that every power of two is split into 64 buckets,
/// so a reported percentile is within 1/128 (0.8 %) of a recorded value. Recording is one
/// <see cref="Interlocked"/> increment per counter: hundreds of concurrent users record without a lock and
/// memory stays at ~16 KB however long the run.
/// </summary>
public sealed class LatencyHistogram
{
    private const int ExactLimit = 128;          // 2^7: values below are their own bucket
    private const int SubBuckets = 64;           // buckets per power of two above ExactLimit
    private const int LowestExponent = 7;
    private const int HighestExponent = 36;      // 2^37 µs ≈ 38 h: anything longer is clamped
    private const long MaxValue = (1L << (HighestExponent + 1)) - 1;
    private const int BucketCount = ExactLimit + (HighestExponent - LowestExponent + 1) * SubBuckets;

    private readonly long[] _counts = new long[BucketCount];
    private long _count;
    private long _sum;
    private long _min = long.MaxValue;
    private long _max;

    public long Count => Interlocked.Read(ref _count);

    public double MinMilliseconds => Count == 0 ? 0 : Interlocked.Read(ref _min) / 1000.0;

    public double MaxMilliseconds => Interlocked.Read(ref _max) / 1000.0;

    public double MeanMilliseconds => Count == 0 ? 0 : Interlocked.Read(ref _sum) / 1000.0 / Count;

    /// <summary>Records the time since <paramref name="startTimestamp"/> (from <see cref="Stopwatch.GetTimestamp()"/>).</summary>
    public void RecordSince(long startTimestamp) =>
        RecordMicroseconds((long)Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds);

    public void RecordMicroseconds(long microseconds)
    {
        var value = Math.Clamp(microseconds, 0, MaxValue);
        Interlocked.Increment(ref _counts[BucketIndex(value)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sum, value);
        UpdateMin(value);
        UpdateMax(value);
    }

    /// <summary>
    /// The nearest-rank percentile in milliseconds: the smallest recorded latency with at least
    /// <paramref name="percentile"/> % of the samples at or below it (bucket midpoint, clamped to min/max).
    /// </summary>
    public double PercentileMilliseconds(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);

        var count = Count;
        if (count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * count));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                var value = Math.Clamp(BucketMidpoint(i), Interlocked.Read(ref _min), Interlocked.Read(ref _max));
                return value / 1000.0;
            }
        }
        // Only reachable while other threads are still recording: the counters ran ahead of the buckets.
        return MaxMilliseconds;
    }

    internal static int BucketIndex(long value)
    {
        if (value < ExactLimit)
        {
            return (int)value;
        }
        var exponent = 63 - BitOperations.LeadingZeroCount((ulong)value);
        var subBucket = (int)(value >> (exponent - 6)) - SubBuckets;
        return ExactLimit + (exponent - LowestExponent) * SubBuckets + subBucket;
    }

    internal static long BucketMidpoint(int index)
    {
        if (index < ExactLimit)
        {
            return index;
        }
        var exponent = LowestExponent + (index - ExactLimit) / SubBuckets;
        var subBucket = (index - ExactLimit) % SubBuckets;
        var width = 1L << (exponent - 6);
        return ((SubBuckets + subBucket) * width) + (width / 2);
    }

    private void UpdateMin(long value)
    {
        var current = Interlocked.Read(ref _min);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref _min, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    private void UpdateMax(long value)
    {
        var current = Interlocked.Read(ref _max);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref _max, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
