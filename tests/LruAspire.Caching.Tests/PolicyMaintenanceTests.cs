using LruAspire.Caching.Concurrency;

namespace LruAspire.Caching.Tests;

/// <summary>Who drains a full read buffer: the thread pool under <see cref="PolicyMaintenance.ThreadPool"/>, the reader otherwise.</summary>
public class PolicyMaintenanceTests
{
    private const int Keys = 100;
    private const int Reads = 100_000; // hundreds of full stripes on one thread

    [Fact]
    public void Under_ThreadPool_full_stripes_are_drained_without_a_write_and_every_hit_is_counted()
    {
        using var cache = Filled(CachePolicy.TinyLfu, PolicyMaintenance.ThreadPool);

        ReadAll(cache);

        // No write follows: only the scheduled drains can empty the stripes the reader filled.
        Assert.True(SpinWait.SpinUntil(() => !cache.HasFullReadBufferStripe(), TimeSpan.FromSeconds(10)),
            "A full read-buffer stripe was never drained by the thread pool.");
        var stats = cache.Statistics;
        Assert.Equal(Reads, stats.Hits);
        // The reader that finds its stripe full schedules the drain and drops that read: at least one per drain.
        Assert.InRange(stats.DroppedReads, 1, Reads);
        cache.AssertIntegrity();
    }

    [Fact]
    public void Under_ThreadPool_a_thread_can_read_almost_a_whole_pool_stripe_before_a_read_is_dropped()
    {
        // A pool thread takes microseconds to start a drain, in which a thread reading in a loop makes hundreds of
        // reads; with 128-item stripes most of them were dropped. Below a full stripe, none can be, however late the pool.
        using var cache = Filled(CachePolicy.TinyLfu, PolicyMaintenance.ThreadPool);
        const int Burst = StripedReadBuffer<object>.PoolStripeCapacity - 1;

        for (var i = 0; i < Burst; i++)
        {
            Assert.True(cache.TryGet(i % Keys, out _));
        }

        var stats = cache.Statistics;
        Assert.Equal(0, stats.DroppedReads);
        Assert.Equal(Burst, stats.Hits);
    }

    [Theory]
    [InlineData(CachePolicy.TinyLfu, PolicyMaintenance.Caller)]
    [InlineData(CachePolicy.Lru, PolicyMaintenance.ThreadPool)] // Lru ignores the option: it stays exact
    public void On_the_caller_one_thread_never_leaves_a_stripe_full(CachePolicy policy, PolicyMaintenance maintenance)
    {
        using var cache = Filled(policy, maintenance);

        ReadAll(cache);

        // The reader that filled a stripe drained it at once, so none is full when it returns.
        Assert.False(cache.HasFullReadBufferStripe());
        var stats = cache.Statistics;
        Assert.Equal(Reads, stats.Hits);
        Assert.Equal(0, stats.DroppedReads); // every read reached the policy
    }

    private static LruCache<int, int> Filled(CachePolicy policy, PolicyMaintenance maintenance)
    {
        var cache = new LruCache<int, int>(new LruCacheOptions { Capacity = 2 * Keys, Policy = policy, PolicyMaintenance = maintenance, ExpirationScanInterval = null });
        for (var key = 0; key < Keys; key++)
        {
            cache.Set(key, key);
        }
        return cache;
    }

    private static void ReadAll(LruCache<int, int> cache)
    {
        for (var i = 0; i < Reads; i++)
        {
            Assert.True(cache.TryGet(i % Keys, out var value) && value == i % Keys);
        }
    }
}
