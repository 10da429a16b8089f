using System.Globalization;
using LruAspire.Traces;

namespace LruAspire.Caching.Tests.Traces;

/// <summary>
/// LRU is deterministic, so a correct strict LRU reproduces the published LRU results of real traces exactly
/// (<c>../shared/traces/README.md</c>): the ARC paper's OLTP hit counts and BitFaster's glimpse hit ratios.
/// </summary>
public sealed class StrictLruTraceTests
{
    [SkippableTheory]
    [InlineData(250, 150_591)]
    [InlineData(1_000, 300_122)]
    [InlineData(2_000, 388_235)]
    public void Oltp_hit_count_equals_the_arc_papers_lru(int capacity, long expectedHits)
    {
        var keys = TraceFiles.Load("OLTP");
        using var cache = new StrictLruTraceCache(capacity);

        var result = TraceReplay.Run(keys, cache);

        Assert.Equal(914_145, result.Requests);
        Assert.Equal(expectedHits, result.Hits);
    }

    [SkippableTheory]
    [InlineData(250, "0.91")]
    [InlineData(500, "0.95")]
    [InlineData(750, "1.15")]
    [InlineData(1_000, "11.21")]
    [InlineData(1_250, "21.25")]
    [InlineData(1_500, "36.56")]
    [InlineData(1_750, "45.04")]
    [InlineData(2_000, "57.41")]
    public void Glimpse_hit_ratio_equals_the_published_lru(int capacity, string expectedPercent)
    {
        var keys = TraceFiles.Load("glimpse");
        using var cache = new StrictLruTraceCache(capacity);

        var result = TraceReplay.Run(keys, cache);

        Assert.Equal(6_015, result.Requests);
        Assert.Equal(expectedPercent, (100 * result.HitRatio).ToString("F2", CultureInfo.InvariantCulture));
    }
}
