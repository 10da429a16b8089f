
namespace LruAspire.Caching.Tests;

/// <summary>The basic contract, on the <see cref="CachePolicy.Lru"/> policy, whose eviction order is exact and easy to state.</summary>
public class LruCacheTests
{
    private static LruCache<int, TValue> Lru<TValue>(int capacity) =>
        new(new LruCacheOptions { Capacity = capacity, Policy = CachePolicy.Lru, ExpirationScanInterval = null });

    [Fact]
    public void Get_after_set_returns_the_value()
    {
        var cache = Lru<string>(2);
        cache.Set(1, "one");

        Assert.True(cache.TryGet(1, out var value));
        Assert.Equal("one", value);
    }

    [Fact]
    public void Missing_key_is_a_miss()
    {
        var cache = Lru<string>(2);

        Assert.False(cache.TryGet(7, out _));
        Assert.Equal(new LruCacheStatistics { Misses = 1, Capacity = 2, MaxAbsences = 1 }, cache.Statistics);
    }

    [Fact]
    public void Set_on_an_existing_key_replaces_the_value_without_growing()
    {
        var cache = Lru<string>(2);
        cache.Set(1, "one");
        cache.Set(1, "uno");

        Assert.True(cache.TryGet(1, out var value));
        Assert.Equal("uno", value);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void When_full_the_least_recently_used_entry_is_evicted()
    {
        var cache = Lru<string>(3);
        cache.Set(1, "a");
        cache.Set(2, "b");
        cache.Set(3, "c");

        cache.Set(4, "d");

        Assert.False(cache.TryGet(1, out _));
        Assert.Equal([4, 3, 2], cache.KeysByRecency());
        Assert.Equal(1, cache.Statistics.Evictions);
    }

    [Fact]
    public void A_hit_protects_an_entry_from_eviction()
    {
        var cache = Lru<string>(3);
        cache.Set(1, "a");
        cache.Set(2, "b");
        cache.Set(3, "c");

        Assert.True(cache.TryGet(1, out _));
        cache.Set(4, "d");

        Assert.True(cache.TryGet(1, out _));
        Assert.False(cache.TryGet(2, out _));
        Assert.Equal([1, 4, 3], cache.KeysByRecency());
    }

    [Fact]
    public void An_update_counts_as_a_use()
    {
        var cache = Lru<string>(2);
        cache.Set(1, "a");
        cache.Set(2, "b");
        cache.Set(1, "a2");

        cache.Set(3, "c");

        Assert.Equal([3, 1], cache.KeysByRecency());
    }

    [Fact]
    public void Capacity_one_keeps_only_the_latest_entry()
    {
        var cache = Lru<string>(1);
        cache.Set(1, "a");
        cache.Set(2, "b");

        Assert.False(cache.TryGet(1, out _));
        Assert.True(cache.TryGet(2, out var value));
        Assert.Equal("b", value);
        Assert.Equal(1, cache.Count);
        cache.AssertIntegrity();
    }

    [Fact]
    public void Remove_deletes_only_that_key_and_reports_whether_it_existed()
    {
        var cache = Lru<string>(3);
        cache.Set(1, "a");
        cache.Set(2, "b");

        Assert.True(cache.Remove(1));
        Assert.False(cache.Remove(1));
        Assert.False(cache.TryGet(1, out _));
        Assert.Equal([2], cache.KeysByRecency());
        cache.AssertIntegrity();
    }

    [Fact]
    public void Removing_the_head_the_tail_and_the_middle_keeps_the_list_linked()
    {
        var cache = Lru<int>(5);
        for (var i = 1; i <= 5; i++)
        {
            cache.Set(i, i);
        }

        cache.Remove(5); // head
        cache.Remove(1); // tail
        cache.Remove(3); // middle

        Assert.Equal([4, 2], cache.KeysByRecency());
        cache.AssertIntegrity();
    }

    [Fact]
    public void Clear_empties_the_cache_and_it_stays_usable()
    {
        var cache = Lru<string>(2);
        cache.Set(1, "a");
        cache.Set(2, "b");

        cache.Clear();

        Assert.Equal(0, cache.Count);
        Assert.Empty(cache.KeysByRecency());
        cache.Set(3, "c");
        Assert.True(cache.TryGet(3, out _));
        cache.AssertIntegrity();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Capacity_must_be_positive(int capacity)
    {
        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new LruCache<int, int>(capacity));
        Assert.Contains("Cache:Capacity", error.Message);
    }

    [Fact]
    public void Statistics_count_hits_misses_and_evictions()
    {
        var cache = Lru<int>(1);
        cache.Set(1, 1);
        cache.TryGet(1, out _);
        cache.TryGet(2, out _);
        cache.Set(2, 2);

        var stats = cache.Statistics;

        Assert.Equal(1, stats.Hits);
        Assert.Equal(1, stats.Misses);
        Assert.Equal(1, stats.Evictions);
        Assert.Equal(0.5, stats.HitRate);
    }
}
