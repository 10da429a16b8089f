namespace LruAspire.Caching.Tests;

/// <summary>
/// Remembered absences (negative caching) have their own bound and LRU list outside the capacity: anyone can send
/// requests for missing keys, and that traffic must never evict the values other requests need.
/// </summary>
public class AbsenceBoundTests
{
    private static readonly Func<int, int, CancellationToken, ValueTask<LoadResult<string>>> Missing =
        static (_, _, _) => ValueTask.FromResult(LoadResult<string>.Absent);

    [Theory]
    [InlineData(CachePolicy.Lru)]
    [InlineData(CachePolicy.TinyLfu)]
    public async Task A_flood_of_missing_keys_evicts_no_value(CachePolicy policy)
    {
        using var cache = new LruCache<int, string>(new LruCacheOptions { Capacity = 100, Policy = policy, ExpirationScanInterval = null });
        for (var key = 0; key < 100; key++)
        {
            cache.Set(key, "value");
        }

        for (var key = 1_000; key < 2_200; key++)
        {
            Assert.False((await cache.GetOrCreateAsync(key, 0, Missing)).Found);
        }

        Assert.All(Enumerable.Range(0, 100), key => Assert.True(cache.TryGet(key, out _)));
        var stats = cache.Statistics;
        Assert.Equal((10, 10, 110), (stats.MaxAbsences, stats.Absences, stats.Count)); // default bound: a tenth of the capacity
        Assert.Equal(1_190, stats.Evictions); // only absences were evicted
        cache.AssertIntegrity();
    }

    [Fact]
    public async Task Absences_are_evicted_least_recently_used_first_and_still_answer_while_held()
    {
        using var cache = new LruCache<int, string>(new LruCacheOptions { Capacity = 100, MaxAbsences = 2, ExpirationScanInterval = null });
        await cache.GetOrCreateAsync(1, 0, Missing);
        await cache.GetOrCreateAsync(2, 0, Missing);
        Assert.Equal(CacheOutcome.Hit, (await cache.GetOrCreateAsync(1, 0, Missing)).Outcome); // 1 is now more recent than 2

        await cache.GetOrCreateAsync(3, 0, Missing);

        Assert.Equal(CacheOutcome.Hit, (await cache.GetOrCreateAsync(1, 0, Missing)).Outcome);
        Assert.Equal(CacheOutcome.Miss, (await cache.GetOrCreateAsync(2, 0, Missing)).Outcome);
        cache.AssertIntegrity();
    }

    [Fact]
    public async Task A_value_set_for_a_key_remembered_absent_replaces_the_absence()
    {
        using var cache = new LruCache<int, string>(new LruCacheOptions { Capacity = 10, ExpirationScanInterval = null });
        await cache.GetOrCreateAsync(1, 0, Missing);

        cache.Set(1, "created");

        Assert.Equal(new CacheLookup<string>(true, "created", CacheOutcome.Hit), await cache.GetOrCreateAsync(1, 0, Missing));
        Assert.Equal((1, 0), (cache.Statistics.Count, cache.Statistics.Absences));
        cache.AssertIntegrity();
    }
}
