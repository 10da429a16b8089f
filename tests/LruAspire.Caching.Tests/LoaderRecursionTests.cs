namespace LruAspire.Caching.Tests;

/// <summary>
/// A loader that asks the cache for the key it is loading would wait for itself forever, and the key would stay
/// poisoned. The cache detects it and fails fast; a load that no outside caller waits for any more is released.
/// </summary>
public class LoaderRecursionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_loader_asking_for_its_own_key_fails_fast_and_the_key_stays_loadable()
    {
        using var cache = new LruCache<string, string>(new LruCacheOptions { Capacity = 10, ExpirationScanInterval = null });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrCreateAsync("k", cache, static async (key, self, ct) =>
        {
            await Task.Yield();
            var inner = await self.GetOrCreateAsync(key, 0, static (_, _, _) => ValueTask.FromResult(LoadResult<string>.Of("never")), cancellationToken: ct);
            return LoadResult<string>.Of(inner.Value!);
        }).AsTask().WaitAsync(Patience));

        Assert.Contains("'k'", error.Message);
        var next = await cache.GetOrCreateAsync("k", 0, static (_, _, _) => ValueTask.FromResult(LoadResult<string>.Of("v"))).AsTask().WaitAsync(Patience);
        Assert.Equal(new CacheLookup<string>(true, "v", CacheOutcome.Miss), next);
        cache.AssertIntegrity();
    }

    [Fact]
    public async Task A_cycle_of_loaders_across_keys_fails_fast()
    {
        using var cache = new LruCache<string, string>(new LruCacheOptions { Capacity = 10, ExpirationScanInterval = null });
        Func<string, LruCache<string, string>, CancellationToken, ValueTask<LoadResult<string>>> loader = null!;
        loader = async (key, self, ct) =>
        {
            await Task.Yield();
            var other = await self.GetOrCreateAsync(key == "a" ? "b" : "a", self, loader, cancellationToken: ct);
            return LoadResult<string>.Of(other.Value!);
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrCreateAsync("a", cache, loader).AsTask().WaitAsync(Patience));

        Assert.Equal(0, cache.Count);
        cache.AssertIntegrity(); // neither load is left registered
    }

    [Fact]
    public async Task Outside_callers_of_the_same_key_still_share_one_load()
    {
        using var cache = new LruCache<string, string>(new LruCacheOptions { Capacity = 10, ExpirationScanInterval = null });
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = cache.GetOrCreateAsync("k", gate, static async (_, g, _) =>
        {
            await g.Task;
            return LoadResult<string>.Of("v");
        }).AsTask();

        var second = Task.Run(() => cache.GetOrCreateAsync("k", 0, static (_, _, _) => ValueTask.FromResult(LoadResult<string>.Of("other"))).AsTask());
        while (cache.Statistics.CoalescedLoads == 0)
        {
            await Task.Delay(1);
        }
        gate.SetResult();

        Assert.Equal(CacheOutcome.Coalesced, (await second.WaitAsync(Patience)).Outcome);
        Assert.Equal("v", (await first).Value);
    }

    [Fact]
    public async Task A_load_nobody_waits_for_is_released_even_if_its_loader_never_returns()
    {
        using var cache = new LruCache<string, string>(new LruCacheOptions { Capacity = 10, ExpirationScanInterval = null });
        var hung = new TaskCompletionSource<LoadResult<string>>();
        using var giveUp = new CancellationTokenSource();

        // This loader ignores its token and never completes: only unregistering the load can free the key.
        var stuck = cache.GetOrCreateAsync("k", hung, static (_, h, _) => new ValueTask<LoadResult<string>>(h.Task), cancellationToken: giveUp.Token).AsTask();
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stuck);

        var next = await cache.GetOrCreateAsync("k", 0, static (_, _, _) => ValueTask.FromResult(LoadResult<string>.Of("v"))).AsTask().WaitAsync(Patience);

        Assert.Equal(new CacheLookup<string>(true, "v", CacheOutcome.Miss), next);
        Assert.Equal(2, cache.Statistics.Loads);
        cache.AssertIntegrity();
    }
}
