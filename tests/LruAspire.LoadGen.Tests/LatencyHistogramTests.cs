using LruAspire.LoadGen.Measurement;

namespace LruAspire.LoadGen.Tests;

public class LatencyHistogramTests
{
    [Fact]
    public void Small_values_give_exact_nearest_rank_percentiles()
    {
        var histogram = new LatencyHistogram();
        for (var micros = 1; micros <= 100; micros++)
        {
            histogram.RecordMicroseconds(micros);
        }

        Assert.Equal(100, histogram.Count);
        Assert.Equal(0.050, histogram.PercentileMilliseconds(50));
        Assert.Equal(0.095, histogram.PercentileMilliseconds(95));
        Assert.Equal(0.099, histogram.PercentileMilliseconds(99));
        Assert.Equal(0.100, histogram.PercentileMilliseconds(100));
        Assert.Equal(0.001, histogram.PercentileMilliseconds(0));
        Assert.Equal(0.0505, histogram.MeanMilliseconds, 9);
    }

    [Theory]
    [InlineData(50, 5_000)]
    [InlineData(95, 9_500)]
    [InlineData(99, 9_900)]
    [InlineData(99.9, 9_990)]
    public void Large_values_are_within_one_percent(double percentile, double expectedMilliseconds)
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 10_000; ms++)
        {
            histogram.RecordMicroseconds(ms * 1_000L);
        }

        Assert.InRange(histogram.PercentileMilliseconds(percentile), expectedMilliseconds * 0.99, expectedMilliseconds * 1.01);
        Assert.Equal(10_000, histogram.MaxMilliseconds);
        Assert.Equal(1, histogram.MinMilliseconds);
    }

    [Fact]
    public void A_single_sample_is_every_percentile()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMicroseconds(12_345);

        Assert.Equal(12.345, histogram.PercentileMilliseconds(1));
        Assert.Equal(12.345, histogram.PercentileMilliseconds(99));
    }

    [Fact]
    public void Empty_histogram_reports_zero()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.PercentileMilliseconds(99));
        Assert.Equal(0, histogram.MeanMilliseconds);
        Assert.Equal(0, histogram.MaxMilliseconds);
    }

    [Fact]
    public void Bucket_midpoints_stay_within_a_bucket_of_the_value()
    {
        foreach (var value in new long[] { 0, 127, 128, 129, 255, 256, 1_000, 65_535, 1_000_000, 60_000_000 })
        {
            var midpoint = LatencyHistogram.BucketMidpoint(LatencyHistogram.BucketIndex(value));
            Assert.InRange(midpoint, value * (1 - 1.0 / 64), value * (1 + 1.0 / 64) + 1);
        }
    }

    [Fact]
    public async Task Concurrent_recording_loses_no_samples()
    {
        var histogram = new LatencyHistogram();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                histogram.RecordMicroseconds(i % 5_000);
            }
        })));

        Assert.Equal(400_000, histogram.Count);
        Assert.Equal(4.999, histogram.MaxMilliseconds);
    }
}
