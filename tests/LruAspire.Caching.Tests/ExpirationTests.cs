using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Time.Testing;

namespace LruAspire.Caching.Tests;

public class ExpirationTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));

    [Fact]
    public void Default_ttl_applies_only_when_the_entry_has_no_expiration_of_its_own()
    {
        using var cache = new LruCache<string, string>(
            new LruCacheOptions { Capacity = 10, DefaultTimeToLive = TimeSpan.FromSeconds(10), ExpirationScanInterval = null }, _time);
        cache.Set("default", "a");
        cache.Set("own", "b", new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(60) });

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.False(cache.TryGet("default", out _));
        Assert.True(cache.TryGet("own", out _));
        Assert.Equal(1, cache.Statistics.Expirations);
    }

    [Fact]
    public void The_sweep_timer_reclaims_expired_entries_nobody_touches()
    {
        using var cache = new LruCache<string, string>(
            new LruCacheOptions { Capacity = 10, ExpirationScanInterval = TimeSpan.FromMinutes(1) }, _time);
        cache.Set("short", "a", new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30) });
        cache.Set("long", "b", new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, cache.Count);
        Assert.Equal(1, cache.Statistics.Expirations);
    }

    [Fact]
    public void An_insert_reclaims_expired_entries_at_the_tail_before_evicting_live_ones()
    {
        using var cache = new LruCache<string, string>(new LruCacheOptions { Capacity = 2, Policy = CachePolicy.Lru, ExpirationScanInterval = null }, _time);
        cache.Set("old", "a", new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(5) });
        cache.Set("live", "b");
        _time.Advance(TimeSpan.FromSeconds(5));

        cache.Set("new", "c");

        Assert.Equal(["new", "live"], cache.KeysByRecency());
        Assert.Equal((0L, 1L), (cache.Statistics.Evictions, cache.Statistics.Expirations));
    }

    [Theory]
    [InlineData(CachePolicy.Lru)]
    [InlineData(CachePolicy.TinyLfu)]
    public void An_expired_entry_is_reclaimed_before_a_live_one_is_evicted(CachePolicy policy)
    {
        using var cache = new LruCache<string, string>(new LruCacheOptions { Capacity = 2, Policy = policy, ExpirationScanInterval = null }, _time);
        cache.Set("a", "A", new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(4) });
        cache.Set("b", "B", new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(1) });
        _time.Advance(TimeSpan.FromSeconds(2));

        cache.Set("c", "C");

        Assert.True(cache.TryGet("a", out _)); // the least recently used entry, but live: kept
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal((0L, 1L), (cache.Statistics.Evictions, cache.Statistics.Expirations));
        cache.AssertIntegrity();
    }

    [Theory]
    [InlineData(CachePolicy.Lru)]
    [InlineData(CachePolicy.TinyLfu)]
    public void Every_expired_entry_is_reclaimed_in_deadline_order_and_sliding_hits_move_deadlines(CachePolicy policy)
    {
        using var cache = new LruCache<string, string>(new LruCacheOptions { Capacity = 4, Policy = policy, ExpirationScanInterval = null }, _time);
        cache.Set("slides", "s", new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(2) });
        cache.Set("soon", "1", new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(3) });
        cache.Set("sooner", "2", new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(1) });
        cache.Set("live", "l");
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.True(cache.TryGet("slides", out _)); // its deadline moves from 2 s to 3.5 s
        _time.Advance(TimeSpan.FromSeconds(1.7)); // t = 3.2 s: "sooner" and "soon" have expired, "slides" has not

        cache.Set("new", "n");

        Assert.Equal((0L, 2L), (cache.Statistics.Evictions, cache.Statistics.Expirations));
        Assert.True(cache.TryGet("slides", out _));
        Assert.True(cache.TryGet("live", out _));
        Assert.Equal(3, cache.Count);
        cache.AssertIntegrity();
    }
}
