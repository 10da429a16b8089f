using System.Text;
using LruAspire.Api.Services;
using LruAspire.Caching;
using LruAspire.Caching.Distributed;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LruAspire.Api.Tests;

public class CacheServiceTests
{
    private readonly InMemoryItemStore _store = new InMemoryItemStore().With(1, "Deo").With(2, "two");
    private readonly LruDistributedCache _cache = new(Options.Create(new LruCacheOptions { Capacity = 10 }), TimeProvider.System);

    private CacheService CreateService() => new(_cache, _store, new InvalidationGenerations(), NullLogger<CacheService>.Instance);

    [Fact]
    public async Task First_read_is_a_miss_from_the_store_and_the_second_a_hit_from_the_cache()
    {
        var service = CreateService();

        var first = await service.GetAsync(1, bypassCache: false, CancellationToken.None);
        var second = await service.GetAsync(1, bypassCache: false, CancellationToken.None);

        Assert.Equal(CacheOutcome.Miss, first.Outcome);
        Assert.Equal(CacheOutcome.Hit, second.Outcome);
        Assert.Equal("""{"key":1,"value":"Deo"}""", Encoding.UTF8.GetString(second.Json!));
        Assert.Equal(1, _store.Reads);
        Assert.Same(first.Json, second.Json); // the cached bytes are served as-is, not re-serialized
    }

    [Fact]
    public async Task Not_found_is_not_cached_as_a_value()
    {
        var service = CreateService();

        var first = await service.GetAsync(99, bypassCache: false, CancellationToken.None);
        var second = await service.GetAsync(99, bypassCache: false, CancellationToken.None);

        Assert.False(first.Found);
        Assert.False(second.Found);
        Assert.Equal(0, _cache.Statistics.Count);
    }

    [Fact]
    public async Task Bypass_reads_the_store_even_when_cached_and_refreshes_the_cache()
    {
        var service = CreateService();
        await service.GetAsync(2, bypassCache: false, CancellationToken.None);
        _store.With(2, "changed");

        var bypassed = await service.GetAsync(2, bypassCache: true, CancellationToken.None);
        var next = await service.GetAsync(2, bypassCache: false, CancellationToken.None);

        Assert.Equal(CacheOutcome.Bypass, bypassed.Outcome);
        Assert.Contains("changed", Encoding.UTF8.GetString(bypassed.Json!));
        Assert.Equal(CacheOutcome.Hit, next.Outcome);
        Assert.Contains("changed", Encoding.UTF8.GetString(next.Json!));
    }

    [Fact]
    public async Task Values_are_json_escaped()
    {
        _store.With(3, "quote\" and <tag> and \u00e9");
        var lookup = await CreateService().GetAsync(3, bypassCache: false, CancellationToken.None);

        var json = System.Text.Json.JsonDocument.Parse(lookup.Json!);
        Assert.Equal("quote\" and <tag> and \u00e9", json.RootElement.GetProperty("value").GetString());
    }
}
