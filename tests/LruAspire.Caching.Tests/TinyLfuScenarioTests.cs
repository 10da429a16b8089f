namespace LruAspire.Caching.Tests;

/// <summary>Deterministic scenarios that show what the frequency filter buys, and what it costs nothing on.</summary>
public class TinyLfuScenarioTests
{
    private const int Capacity = 100;
    private static readonly int[] HotKeys = [.. Enumerable.Range(0, 10)];

    [Theory]
    [InlineData(CachePolicy.TinyLfu, 10)]
    [InlineData(CachePolicy.Lru, 0)]
    public void Frequently_used_keys_survive_a_one_time_scan_only_under_TinyLfu(CachePolicy policy, int hotKeysKept)
    {
        using var cache = new LruCache<int, int>(new LruCacheOptions { Capacity = Capacity, Policy = policy, PolicyMaintenance = PolicyMaintenance.Caller, ExpirationScanInterval = null });
        for (var round = 0; round < 20; round++)
        {
            foreach (var key in HotKeys)
            {
                Read(cache, key);
            }
        }

        for (var key = 1_000; key < 1_000 + 10 * Capacity; key++)
        {
            Read(cache, key); // each scanned key is seen once
        }

        Assert.Equal(hotKeysKept, HotKeys.Count(key => cache.TryGet(key, out _)));
        cache.AssertIntegrity();
    }

    [Theory]
    [InlineData(CachePolicy.TinyLfu)]
    [InlineData(CachePolicy.Lru)]
    public void A_new_key_read_again_soon_after_its_insert_is_a_hit(CachePolicy policy)
    {
        using var cache = new LruCache<int, int>(new LruCacheOptions { Capacity = Capacity, Policy = policy, PolicyMaintenance = PolicyMaintenance.Caller, ExpirationScanInterval = null });
        for (var key = 0; key < 10 * Capacity; key++)
        {
            Read(cache, key);
            Assert.True(cache.TryGet(key, out var value) && value == key); // the window holds the newest entry
        }
        Assert.Equal(Capacity, cache.Count);
    }

    private static void Read(LruCache<int, int> cache, int key)
    {
        if (!cache.TryGet(key, out _))
        {
            cache.Set(key, key);
        }
    }
}
