namespace LruAspire.Caching.Tests;

/// <summary>The capacity bounds the whole cache, not a share of it: a working set that fits never misses after its first load.</summary>
public class GlobalBoundTests
{
    private const int Capacity = 1_000;

    [Theory]
    [InlineData(CachePolicy.Lru, 1)]
    [InlineData(CachePolicy.Lru, 8)]
    [InlineData(CachePolicy.TinyLfu, 1)]
    [InlineData(CachePolicy.TinyLfu, 8)]
    public async Task A_working_set_as_large_as_the_capacity_is_loaded_once_per_key(CachePolicy policy, int threads)
    {
        using var cache = new LruCache<int, int>(new LruCacheOptions { Capacity = Capacity, Policy = policy, ExpirationScanInterval = null });

        await Task.WhenAll(Enumerable.Range(0, threads).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            for (var i = 0; i < 40_000 / threads; i++)
            {
                var key = random.Next(Capacity);
                var lookup = await cache.GetOrCreateAsync(key, 0, static async (k, _, _) =>
                {
                    await Task.Yield();
                    return LoadResult<int>.Of(k);
                });
                Assert.Equal(key, lookup.Value);
            }
        })));

        var stats = cache.Statistics;
        Assert.Equal(Capacity, stats.Loads);
        Assert.Equal(0, stats.Evictions);
        Assert.Equal(stats.Loads + stats.CoalescedLoads, stats.Misses);
        Assert.All(Enumerable.Range(0, Capacity), key => Assert.True(cache.TryGet(key, out _)));
        cache.AssertIntegrity();
    }
}
