using LruAspire.Api.Tests.Store;
using System.Text;
using LruAspire.Api.Cache;
using LruAspire.Caching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LruAspire.Api.Tests.Cache;

public class CacheServiceTests
{
    private readonly InMemoryItemStore _store = new InMemoryItemStore().With(1, "Deo").With(2, "two");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
    private readonly LruCache<long, CachedItem> _cache;

    public CacheServiceTests() =>
        _cache = new(new LruCacheOptions { Capacity = 10, NegativeTimeToLive = TimeSpan.FromSeconds(5) }, _time, CachedItem.SizeOf);

    private CacheService CreateService() => new(_cache, _store, NullLogger<CacheService>.Instance);

    [Fact]
    public async Task First_read_is_a_miss_from_the_store_and_the_second_a_hit_from_the_cache()
    {
        var service = CreateService();

        var first = await service.GetAsync(1, bypassCache: false, CancellationToken.None);
        var second = await service.GetAsync(1, bypassCache: false, CancellationToken.None);

        Assert.Equal(CacheOutcome.Miss, first.Outcome);
        Assert.Equal(CacheOutcome.Hit, second.Outcome);
        Assert.Equal("""{"key":1,"value":"Deo"}""", Encoding.UTF8.GetString(second.Value!.Json));
        Assert.Equal(1, _store.Reads);
        Assert.Same(first.Value, second.Value); // the cached bytes and tag are served as-is, not re-serialized
    }

    [Fact]
    public async Task Not_found_is_remembered_as_absent_for_the_negative_ttl_only()
    {
        var service = CreateService();

        var first = await service.GetAsync(99, bypassCache: false, CancellationToken.None);
        var second = await service.GetAsync(99, bypassCache: false, CancellationToken.None);
        Assert.Equal(1, _store.Reads);
        Assert.False(_cache.TryGet(99, out _)); // the standard interface never sees an absence as a value
        _store.With(99, "created");
        _time.Advance(TimeSpan.FromSeconds(5));
        var afterTtl = await service.GetAsync(99, bypassCache: false, CancellationToken.None);

        Assert.Equal((false, CacheOutcome.Miss), (first.Found, first.Outcome));
        Assert.Equal((false, CacheOutcome.Hit), (second.Found, second.Outcome));
        Assert.Equal((true, CacheOutcome.Miss), (afterTtl.Found, afterTtl.Outcome));
        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public async Task Two_hundred_concurrent_requests_for_a_cold_key_query_the_store_once()
    {
        var slowDatabase = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _store.HoldReadsUntil(slowDatabase.Task);
        var service = CreateService();

        var requests = Enumerable.Range(0, 200)
            .Select(_ => Task.Run(() => service.GetAsync(1, bypassCache: false, CancellationToken.None).AsTask()))
            .ToArray();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            // Every request is waiting (one load plus 199 coalesced) before the database answers.
            while (_cache.Statistics.Loads + _cache.Statistics.CoalescedLoads < 200)
            {
                await Task.Delay(5, timeout.Token);
            }
        }
        slowDatabase.SetResult();
        var lookups = await Task.WhenAll(requests);

        Assert.Equal(1, _store.Reads);
        Assert.All(lookups, lookup => Assert.Equal("""{"key":1,"value":"Deo"}""", Encoding.UTF8.GetString(lookup.Value!.Json)));
        Assert.Single(lookups.Select(lookup => lookup.Value).Distinct()); // all share the one serialized body
        Assert.Equal(199, _cache.Statistics.CoalescedLoads);
        Assert.Equal(1, lookups.Count(lookup => lookup.Outcome == CacheOutcome.Miss));
        Assert.Equal(199, lookups.Count(lookup => lookup.Outcome == CacheOutcome.Coalesced));
    }

    [Fact]
    public async Task A_failed_store_read_is_not_cached_and_the_next_request_retries()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var service = CreateService();
        _store.HoldReadsUntil(new TaskCompletionSource().Task);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.GetAsync(1, bypassCache: false, cancelled.Token).AsTask());
        _store.HoldReadsUntil(Task.CompletedTask);
        var retry = await service.GetAsync(1, bypassCache: false, CancellationToken.None);

        Assert.Equal((true, CacheOutcome.Miss), (retry.Found, retry.Outcome));
    }

    [Fact]
    public async Task A_remove_while_the_store_read_is_in_flight_wins()
    {
        var slowDatabase = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _store.HoldReadsUntil(slowDatabase.Task);
        var service = CreateService();

        var inFlight = service.GetAsync(2, bypassCache: false, CancellationToken.None).AsTask();
        _store.With(2, "updated");
        _cache.Remove(2); // what an update/delete does after writing the database
        slowDatabase.SetResult();
        await inFlight;
        var next = await service.GetAsync(2, bypassCache: false, CancellationToken.None);

        Assert.Equal(CacheOutcome.Miss, next.Outcome); // the in-flight read was not stored
        Assert.Contains("updated", Encoding.UTF8.GetString(next.Value!.Json));
    }

    [Fact]
    public async Task Bypass_reads_the_store_even_when_cached_and_leaves_the_cache_alone()
    {
        var service = CreateService();
        await service.GetAsync(2, bypassCache: false, CancellationToken.None);
        _store.With(2, "changed"); // behind the cache's back: no invalidation

        var bypassed = await service.GetAsync(2, bypassCache: true, CancellationToken.None);
        var next = await service.GetAsync(2, bypassCache: false, CancellationToken.None);

        Assert.Equal(CacheOutcome.Bypass, bypassed.Outcome);
        Assert.Contains("changed", Encoding.UTF8.GetString(bypassed.Value!.Json));
        Assert.Equal(CacheOutcome.Hit, next.Outcome);
        Assert.Contains("two", Encoding.UTF8.GetString(next.Value!.Json));
    }

    [Fact]
    public async Task Values_are_json_escaped()
    {
        _store.With(3, "quote\" and <tag> and \u00e9");
        var lookup = await CreateService().GetAsync(3, bypassCache: false, CancellationToken.None);

        var json = System.Text.Json.JsonDocument.Parse(lookup.Value!.Json);
        Assert.Equal("quote\" and <tag> and \u00e9", json.RootElement.GetProperty("value").GetString());
    }
}
