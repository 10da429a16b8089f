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
    private readonly LruCache<long, CachedItem> _cache = new(new LruCacheOptions { Capacity = 10 }, TimeProvider.System, CachedItem.SizeOf);

    private CacheService CreateService(IItemStore? store = null) =>
        new(_cache, store ?? _store, NullLogger<CacheService>.Instance);

    [Fact]
    public async Task Put_reports_created_then_replaced_with_a_new_version_each_time_and_writes_the_store()
    {
        var service = CreateService();

        var created = await service.PutAsync(7, "first", ItemPrecondition.None, CancellationToken.None);
        var replaced = await service.PutAsync(7, "second", ItemPrecondition.None, CancellationToken.None);

        Assert.Equal(WriteStatus.Created, created.Status);
        Assert.Equal(WriteStatus.Replaced, replaced.Status);
        Assert.True(replaced.Version > created.Version);
        Assert.Equal("second", _store[7]);
        Assert.Equal(replaced.Version, _store.VersionOf(7));
    }

    [Fact]
    public async Task The_cached_entity_tag_is_the_stored_version_and_a_write_changes_it()
    {
        var service = CreateService();

        var before = (await service.GetAsync(1, bypassCache: false, CancellationToken.None)).Value!;
        var write = await service.PutAsync(1, "new", ItemPrecondition.None, CancellationToken.None);
        var after = (await service.GetAsync(1, bypassCache: false, CancellationToken.None)).Value!;

        Assert.Equal($"\"{_store.VersionOf(1)}\"", after.ETag);
        Assert.Equal(ItemETag.Format(write.Version), after.ETag);
        Assert.NotEqual(before.ETag, after.ETag);
    }

    [Fact]
    public async Task A_write_whose_precondition_fails_changes_nothing_and_keeps_the_cached_entry()
    {
        var service = CreateService();
        await service.GetAsync(1, bypassCache: false, CancellationToken.None);
        var version = _store.VersionOf(1)!.Value;

        var put = await service.PutAsync(1, "lost update", ItemPrecondition.IfVersion(version + 1000), CancellationToken.None);
        var create = await service.PutAsync(1, "create only", ItemPrecondition.IfAbsent, CancellationToken.None);
        var delete = await service.DeleteAsync(1, ItemPrecondition.IfVersion(version + 1000), CancellationToken.None);
        var next = await service.GetAsync(1, bypassCache: false, CancellationToken.None);

        Assert.Equal([WriteStatus.PreconditionFailed, WriteStatus.PreconditionFailed, WriteStatus.PreconditionFailed], [put.Status, create.Status, delete.Status]);
        Assert.Equal(("old", version), (_store[1], _store.VersionOf(1)));
        Assert.Equal(CacheOutcome.Hit, next.Outcome); // nothing was invalidated
    }

    [Fact]
    public async Task A_write_whose_precondition_holds_is_applied()
    {
        var service = CreateService();
        var version = _store.VersionOf(1)!.Value;

        var put = await service.PutAsync(1, "checked", ItemPrecondition.IfVersion(version), CancellationToken.None);
        var create = await service.PutAsync(2, "fresh", ItemPrecondition.IfAbsent, CancellationToken.None);
        var delete = await service.DeleteAsync(2, ItemPrecondition.IfVersion(create.Version), CancellationToken.None);

        Assert.Equal([WriteStatus.Replaced, WriteStatus.Created, WriteStatus.Deleted], [put.Status, create.Status, delete.Status]);
        Assert.Equal("checked", _store[1]);
        Assert.Null(_store[2]);
    }

    [Fact]
    public async Task Put_evicts_the_cached_value_so_the_next_read_loads_the_new_one()
    {
        var service = CreateService();
        await service.GetAsync(1, bypassCache: false, CancellationToken.None);

        await service.PutAsync(1, "new", ItemPrecondition.None, CancellationToken.None);
        var next = await service.GetAsync(1, bypassCache: false, CancellationToken.None);

        Assert.Equal(CacheOutcome.Miss, next.Outcome);
        Assert.Equal("new", Value(next));
    }

    [Fact]
    public async Task Delete_evicts_the_cached_value_and_reports_whether_a_row_existed()
    {
        var service = CreateService();
        await service.GetAsync(1, bypassCache: false, CancellationToken.None);

        Assert.Equal(WriteStatus.Deleted, (await service.DeleteAsync(1, ItemPrecondition.None, CancellationToken.None)).Status);
        Assert.False((await service.GetAsync(1, bypassCache: false, CancellationToken.None)).Found);
        Assert.Equal(WriteStatus.NotFound, (await service.DeleteAsync(1, ItemPrecondition.None, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_load_that_read_before_a_local_write_does_not_cache_its_stale_value()
    {
        var pausing = new PausingItemStore(_store);
        var service = CreateService(pausing);

        var staleLoad = service.GetAsync(1, bypassCache: false, CancellationToken.None);
        await pausing.ReadFetched;                                   // it has read "old" from the store
        await service.PutAsync(1, "new", ItemPrecondition.None, CancellationToken.None);
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

    private static string? Value(CacheLookup<CachedItem> lookup) =>
        System.Text.Json.JsonDocument.Parse(Encoding.UTF8.GetString(lookup.Value!.Json)).RootElement.GetProperty("value").GetString();
}
