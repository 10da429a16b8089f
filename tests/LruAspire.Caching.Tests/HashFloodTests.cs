using LruAspire.Caching.Tests.Entries;

namespace LruAspire.Caching.Tests;

/// <summary>
/// String keys hash with a fast non-randomized function, so a client could choose keys that all land in one chain
/// and make every lookup walk it. Through the whole cache, such a flood switches the table to the randomized hash:
/// every key is still found and the integrity check (which finds every listed node through the map) holds.
/// </summary>
public class HashFloodTests
{
    [Theory]
    [InlineData(CachePolicy.Lru)]
    [InlineData(CachePolicy.TinyLfu)]
    public void A_flood_of_colliding_string_keys_loses_no_entry(CachePolicy policy)
    {
        var keys = CollidingStrings.Make(1_000);
        using var cache = new LruCache<string, int>(new LruCacheOptions { Capacity = 2_000, Policy = policy, ExpirationScanInterval = null });
        for (var i = 0; i < keys.Length; i++)
        {
            cache.Set(keys[i], i);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.True(cache.TryGet(keys[i], out var value), $"Key {i} was lost.");
            Assert.Equal(i, value);
        }
        cache.AssertIntegrity();
    }
}
