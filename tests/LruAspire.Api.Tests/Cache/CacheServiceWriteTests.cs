using LruAspire.Api.Tests.Store;
using System.Text;
using LruAspire.Api.Store;
using LruAspire.Api.Cache;
using LruAspire.Caching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LruAspire.Api.Tests.Cache;

public class CacheServiceWriteTests
{
    private readonly InMemoryItemStore _store = new InMemoryItemStore().With(1, "old");
    private readonly LruCache<long, byte[]> _cache = new(new LruCacheOptions { Capacity = 10 }, TimeProvider.System, static json => json.Length);

    private CacheService CreateService(IItemStore? store = null) =>
        new(_cache, store ?? _store, NullLogger<CacheService>.Instance);

    [Fact]
    public async Task Put_reports_created_then_replaced_and_writes_the_store()
    {
        var service = CreateService();

        Assert.True(await service.PutAsync(new Item(7, "first"), CancellationToken.None));
        Assert.False(await service.PutAsync(new Item(7, "second"), CancellationToken.None));
        Assert.Equal("second", _store[7]);
    }

    [Fact]
    public async Task Put_evicts_the_cached_value_so_the_next_read_loads_the_new_one()
    {
        var service = CreateService();
        await service.GetAsync(1, bypassCache: false, CancellationToken.None);

        await service.PutAsync(new Item(1, "new"), CancellationToken.None);
        var next = await service.GetAsync(1, bypassCache: false, CancellationToken.None);

        Assert.Equal(CacheOutcome.Miss, next.Outcome);
        Assert.Equal("new", Value(next));
    }

    [Fact]
    public async Task Delete_evicts_the_cached_value_and_reports_whether_a_row_existed()
    {
        var service = CreateService();
        await service.GetAsync(1, bypassCache: false, CancellationToken.None);

        Assert.True(await service.DeleteAsync(1, CancellationToken.None));
        Assert.False((await service.GetAsync(1, bypassCache: false, CancellationToken.None)).Found);
        Assert.False(await service.DeleteAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task A_load_that_read_before_a_local_write_does_not_cache_its_stale_value()
    {
        var pausing = new PausingItemStore(_store);
        var service = CreateService(pausing);

        var staleLoad = service.GetAsync(1, bypassCache: false, CancellationToken.None);
        await pausing.ReadFetched;                                   // it has read "old" from the store
        await service.PutAsync(new Item(1, "new"), CancellationToken.None);
        pausing.Release();
        Assert.Equal("old", Value(await staleLoad));                // it may answer what it read...

        var next = await service.GetAsync(1, bypassCache: false, CancellationToken.None);
        Assert.Equal("new", Value(next));                           // ...but must not have cached it
        Assert.Equal(CacheOutcome.Miss, next.Outcome);
    }

    [Fact]
    public async Task A_load_that_read_before_a_remote_invalidation_does_not_cache_its_stale_value()
    {
        var pausing = new PausingItemStore(_store);
        var service = CreateService(pausing);

        var staleLoad = service.GetAsync(1, bypassCache: false, CancellationToken.None);
        await pausing.ReadFetched;
        _store.With(1, "written elsewhere");                         // another replica's committed write...
        service.Invalidate(1);                                       // ...and its notification arriving here
        pausing.Release();
        await staleLoad;

        Assert.Equal("written elsewhere", Value(await service.GetAsync(1, bypassCache: false, CancellationToken.None)));
    }

    [Fact]
    public async Task A_load_that_read_before_a_full_flush_does_not_cache_its_stale_value()
    {
        var pausing = new PausingItemStore(_store);
        var service = CreateService(pausing);

        var staleLoad = service.GetAsync(1, bypassCache: false, CancellationToken.None);
        await pausing.ReadFetched;
        _store.With(1, "written while disconnected");
        service.InvalidateAll();                                     // the listener's flush after a reconnect
        pausing.Release();
        await staleLoad;

        Assert.Equal("written while disconnected", Value(await service.GetAsync(1, bypassCache: false, CancellationToken.None)));
    }

    [Fact]
    public async Task Invalidating_another_key_does_not_stop_a_load_from_caching()
    {
        var pausing = new PausingItemStore(_store);
        var service = CreateService(pausing);

        var load = service.GetAsync(1, bypassCache: false, CancellationToken.None);
        await pausing.ReadFetched;
        service.Invalidate(2);
        pausing.Release();
        await load;

        Assert.Equal(CacheOutcome.Hit, (await service.GetAsync(1, bypassCache: false, CancellationToken.None)).Outcome);
    }

    private static string? Value(CacheLookup<byte[]> lookup) =>
        System.Text.Json.JsonDocument.Parse(Encoding.UTF8.GetString(lookup.Value!)).RootElement.GetProperty("value").GetString();
}
