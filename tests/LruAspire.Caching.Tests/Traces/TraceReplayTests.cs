using LruAspire.Traces;

namespace LruAspire.Caching.Tests.Traces;

/// <summary>The replay's counting rules on a stream small enough to follow by hand.</summary>
public sealed class TraceReplayTests
{
    [Fact]
    public void Cold_misses_count_a_miss_inserts_and_a_hit_refreshes()
    {
        // Capacity 2: 1 miss, 2 miss, 1 hit (1 now most recent), 3 miss evicts 2, 1 hit, 2 miss evicts 3, 3 miss.
        long[] keys = [1, 2, 1, 3, 1, 2, 3];
        using var cache = new StrictLruTraceCache(2);

        var result = TraceReplay.Run(keys, cache);

        Assert.Equal(new ReplayResult(Requests: 7, Hits: 2), result);
        Assert.Equal(5, result.Misses);
        Assert.Equal(2.0 / 7, result.HitRatio);
    }

    [Fact]
    public void An_empty_trace_has_a_zero_hit_ratio()
    {
        using var cache = new StrictLruTraceCache(1);

        Assert.Equal(0, TraceReplay.Run([], cache).HitRatio);
    }
}
