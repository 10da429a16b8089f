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
}
