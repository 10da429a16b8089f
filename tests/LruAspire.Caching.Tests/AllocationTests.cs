using LruAspire.Caching.Distributed;
using LruAspire.Caching.Policies;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace LruAspire.Caching.Tests;

/// <summary>A hit must allocate nothing, under both policies: measured with the runtime's per-thread allocation counter.</summary>
public class AllocationTests
{
    private const int Hits = 10_000;

    // ThreadPool: the hit and the scheduling of drains (the drain itself runs on a pool thread, not measured here);
    // Caller: the hit and the drain, both on this thread.
    [Theory]
    [InlineData(CachePolicy.Lru, PolicyMaintenance.Caller)]
    [InlineData(CachePolicy.TinyLfu, PolicyMaintenance.ThreadPool)]
    [InlineData(CachePolicy.TinyLfu, PolicyMaintenance.Caller)]
    public void TryGet_hits_allocate_nothing(CachePolicy policy, PolicyMaintenance maintenance)
    {
        using var cache = new LruCache<string, byte[]>(
            new LruCacheOptions { Capacity = 4_096, Policy = policy, PolicyMaintenance = maintenance, ExpirationScanInterval = null });
        var keys = Fill((key, value) => cache.Set(key, value));

        Assert.Equal(0, AllocatedBy(() =>
        {
            for (var i = 0; i < Hits; i++)
            {
                cache.TryGet(keys[i % keys.Length], out _);
            }
        }));
    }

    [Fact]
    public void A_window_simulation_that_keeps_missing_allocates_nothing_once_full()
    {
        // The simulations replay sampled hits of the live cache; a hit there can be a miss in a miniature, which
        // must reuse its evicted slot rather than allocate. Eight keys cycled through four slots keep missing.
        var simulation = new WindowSimulation(capacity: 4, windowShare: 0.25, new FrequencySketch(64));
        var misses = 0;

        Assert.Equal(0, AllocatedBy(() =>
        {
            for (var i = 0; i < Hits; i++)
            {
                misses += simulation.Access(i % 8) ? 0 : 1;
            }
        }));
        Assert.True(misses > Hits / 2, $"Only {misses} of {2 * Hits} replays missed: the test no longer exercises eviction.");
    }

    [Theory]
    [InlineData(CachePolicy.Lru)]
    [InlineData(CachePolicy.TinyLfu)]
    public void Hits_with_sliding_expiration_through_the_distributed_view_allocate_nothing(CachePolicy policy)
    {
        using var cache = new LruDistributedCache(Options.Create(new LruCacheOptions { Capacity = 4_096, Policy = policy, ExpirationScanInterval = null }), TimeProvider.System);
        var sliding = new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(5) };
        var keys = Fill((key, value) => cache.Set(key, value, sliding));

        Assert.Equal(0, AllocatedBy(() =>
        {
            for (var i = 0; i < Hits; i++)
            {
                cache.Get(keys[i % keys.Length]);
            }
        }));
    }

    [Theory]
    [InlineData(CachePolicy.Lru)]
    [InlineData(CachePolicy.TinyLfu)]
    public void GetOrCreateAsync_hits_allocate_nothing(CachePolicy policy)
    {
        using var cache = new LruCache<string, byte[]>(new LruCacheOptions { Capacity = 4_096, Policy = policy, ExpirationScanInterval = null });
        var keys = Fill((key, value) => cache.Set(key, value));

        Assert.Equal(0, AllocatedBy(() =>
        {
            for (var i = 0; i < Hits; i++)
            {
                _ = cache.GetOrCreateAsync(keys[i % keys.Length], 0, static (_, _, _) => ValueTask.FromResult(LoadResult<byte[]>.Absent)).Result;
            }
        }));
    }

    // 1,000 keys in a capacity of 4,096: every lookup hits, and the 10,000 hits fill and drain the read buffer many
    // times, so draining is measured too.
    private static string[] Fill(Action<string, byte[]> set)
    {
        var keys = Enumerable.Range(0, 1_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var key in keys)
        {
            set(key, new byte[16]);
        }
        return keys;
    }

    private static long AllocatedBy(Action action)
    {
        action(); // warm up: JIT, tiering and first-call allocations are not part of a hit
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
