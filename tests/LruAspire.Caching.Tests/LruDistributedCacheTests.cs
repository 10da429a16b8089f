using System.Buffers;
using LruAspire.Caching.Distributed;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LruAspire.Caching.Tests;

public class LruDistributedCacheTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));

    private LruDistributedCache Create(int capacity = 10) =>
        new(Options.Create(new LruCacheOptions { Capacity = capacity }), _time);

    [Fact]
    public async Task Set_then_get_round_trips_bytes_sync_and_async()
    {
        IDistributedCache cache = Create();
        cache.Set("a", [1, 2, 3], new DistributedCacheEntryOptions());
        await cache.SetAsync("b", [4], new DistributedCacheEntryOptions());

        Assert.Equal([1, 2, 3], await cache.GetAsync("a"));
        Assert.Equal([4], cache.Get("b"));
        Assert.Null(cache.Get("missing"));
    }

    [Fact]
    public async Task Remove_makes_the_key_a_miss()
    {
        IDistributedCache cache = Create();
        cache.Set("a", [1], new DistributedCacheEntryOptions());

        await cache.RemoveAsync("a");

        Assert.Null(cache.Get("a"));
    }

    [Fact]
    public void Absolute_expiration_hides_the_entry_once_reached()
    {
        IDistributedCache cache = Create();
        cache.Set("a", [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.NotNull(cache.Get("a"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(cache.Get("a"));
    }

    [Fact]
    public void Sliding_expiration_is_extended_by_reads_and_refresh()
    {
        IDistributedCache cache = Create();
        cache.Set("a", [1], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(10) });

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.NotNull(cache.Get("a"));
        _time.Advance(TimeSpan.FromSeconds(9));
        cache.Refresh("a");
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.NotNull(cache.Get("a"));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(cache.Get("a"));
    }

    [Fact]
    public void An_already_expired_set_does_not_store_and_drops_the_old_value()
    {
        IDistributedCache cache = Create();
        cache.Set("a", [1], new DistributedCacheEntryOptions());

        cache.Set("a", [2], new DistributedCacheEntryOptions { AbsoluteExpiration = _time.GetUtcNow() });

        Assert.Null(cache.Get("a"));
    }

    [Fact]
    public async Task Buffer_interface_writes_into_the_destination()
    {
        IBufferDistributedCache cache = Create();
        await cache.SetAsync("a", new ReadOnlySequence<byte>([7, 8]), new DistributedCacheEntryOptions());
        var writer = new ArrayBufferWriter<byte>();

        Assert.True(await cache.TryGetAsync("a", writer));
        Assert.Equal([7, 8], writer.WrittenSpan.ToArray());
        Assert.False(cache.TryGet("missing", writer));
    }

    [Theory]
    [InlineData(CachePolicy.Lru)]
    [InlineData(CachePolicy.TinyLfu)]
    public void Capacity_bounds_the_distributed_view_too(CachePolicy policy)
    {
        var cache = new LruDistributedCache(Options.Create(new LruCacheOptions { Capacity = 2, Policy = policy }), _time);
        cache.Set("a", [1], new DistributedCacheEntryOptions());
        cache.Set("b", [2], new DistributedCacheEntryOptions());
        cache.Set("c", [3], new DistributedCacheEntryOptions());

        Assert.Equal((2, 1L), (cache.Statistics.Count, cache.Statistics.Evictions));
        Assert.NotNull(cache.Get("c")); // the newest entry is in the window of either policy
        Assert.Equal(policy == CachePolicy.Lru, cache.Get("a") is null);
    }

    [Fact]
    public void AddLruCache_registers_one_instance_for_every_interface()
    {
        using var provider = new ServiceCollection().AddLruDistributedCache(o => o.Capacity = 5).BuildServiceProvider();

        var lru = provider.GetRequiredService<LruDistributedCache>();
        Assert.Same(lru, provider.GetRequiredService<IDistributedCache>());
        Assert.Same(lru, provider.GetRequiredService<IBufferDistributedCache>());
        Assert.Equal(5, lru.Statistics.Capacity);
    }

    [Fact]
    public void AddLruCache_rejects_a_bad_capacity_with_a_clear_message()
    {
        using var provider = new ServiceCollection().AddLruDistributedCache(o => o.Capacity = 0).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LruDistributedCache>());
        Assert.Contains("Cache:Capacity", error.Message);
    }

    [Fact]
    public void AddLruCache_rejects_an_unknown_policy_with_a_clear_message()
    {
        using var provider = new ServiceCollection().AddLruDistributedCache(o => o.Policy = (CachePolicy)7).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LruDistributedCache>());
        Assert.Contains("Cache:Policy must be Lru or TinyLfu.", error.Message);
    }

    [Fact]
    public void AddLruCache_rejects_a_non_positive_absence_bound_with_a_clear_message()
    {
        using var provider = new ServiceCollection().AddLruDistributedCache(o => o.MaxAbsences = 0).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LruDistributedCache>());
        Assert.Contains("Cache:MaxAbsences", error.Message);
    }

    [Fact]
    public void AddLruCache_rejects_a_non_positive_negative_ttl()
    {
        using var provider = new ServiceCollection().AddLruDistributedCache(o => o.NegativeTimeToLive = TimeSpan.Zero).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LruDistributedCache>());
        Assert.Contains("Cache:NegativeTimeToLive", error.Message);
    }

    [Fact]
    public void The_byte_bound_counts_value_lengths_and_evicts_least_recently_used_values()
    {
        var cache = new LruDistributedCache(Options.Create(new LruCacheOptions { Capacity = 10, MaxBytes = 10, Policy = CachePolicy.Lru }), _time);
        cache.Set("a", new byte[4], new DistributedCacheEntryOptions());
        cache.Set("b", new byte[4], new DistributedCacheEntryOptions());
        cache.Set("c", new byte[4], new DistributedCacheEntryOptions());
        cache.Set("too-big", new byte[11], new DistributedCacheEntryOptions());

        Assert.Null(cache.Get("a"));
        Assert.Null(cache.Get("too-big"));
        Assert.Equal((2, 8L), (cache.Statistics.Count, cache.Statistics.Bytes));
    }
}
