using Microsoft.Extensions.Time.Testing;

namespace LruAspire.Caching.Tests;

public class SingleFlightTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));

    private LruCache<string, string> Create() =>
        new(new LruCacheOptions { Capacity = 100, ExpirationScanInterval = null, NegativeTimeToLive = TimeSpan.FromSeconds(5) }, _time);

    [Fact]
    public async Task Two_hundred_concurrent_misses_run_the_factory_once()
    {
        using var cache = Create();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;

        var lookups = Enumerable.Range(0, 200).Select(_ => Task.Run(() => cache.GetOrCreateAsync("k", gate, async (key, g, ct) =>
        {
            Interlocked.Increment(ref calls);
            await g.Task;
            return LoadResult<string>.Of("v");
        }).AsTask())).ToArray();
        await WaitUntil(() => cache.Statistics.Loads + cache.Statistics.CoalescedLoads == 200);
        gate.SetResult();
        var results = await Task.WhenAll(lookups);

        Assert.Equal(1, calls);
        Assert.All(results, r => Assert.Equal("v", r.Value));
        Assert.Equal(1, results.Count(r => r.Outcome == CacheOutcome.Miss));
        Assert.Equal(199, results.Count(r => r.Outcome == CacheOutcome.Coalesced));
        Assert.Equal(199, cache.Statistics.CoalescedLoads);
        Assert.True(cache.TryGet("k", out var cached) && cached == "v");
        cache.AssertIntegrity();
    }

    [Fact]
    public async Task A_hit_completes_synchronously_without_calling_the_factory()
    {
        using var cache = Create();
        cache.Set("k", "v");

        var pending = cache.GetOrCreateAsync("k", 0, static (_, _, _) => throw new InvalidOperationException("must not load"));

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal(new CacheLookup<string>(true, "v", CacheOutcome.Hit), await pending);
    }

    [Fact]
    public async Task A_failing_factory_does_not_poison_the_key()
    {
        using var cache = Create();

        await Assert.ThrowsAsync<TimeoutException>(() =>
            cache.GetOrCreateAsync("k", 0, static (_, _, _) => throw new TimeoutException()).AsTask());
        var retry = await cache.GetOrCreateAsync("k", 0, static (_, _, _) => ValueTask.FromResult(LoadResult<string>.Of("v")));

        Assert.Equal(new CacheLookup<string>(true, "v", CacheOutcome.Miss), retry);
        Assert.Equal(2, cache.Statistics.Loads);
        cache.AssertIntegrity();
    }

    [Fact]
    public async Task A_failure_reaches_every_waiter_and_the_next_call_loads_again()
    {
        using var cache = Create();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = cache.GetOrCreateAsync("k", gate, static async (_, g, _) =>
        {
            await g.Task;
            throw new InvalidOperationException("store down");
        }).AsTask();
        var second = cache.GetOrCreateAsync("k", 0, static (_, _, _) => ValueTask.FromResult(LoadResult<string>.Of("unused"))).AsTask();

        gate.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        Assert.Equal("fresh", (await cache.GetOrCreateAsync("k", 0, static (_, _, _) => ValueTask.FromResult(LoadResult<string>.Of("fresh")))).Value);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_without_cancelling_the_others()
    {
        using var cache = Create();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken loaderToken = default;
        using var impatient = new CancellationTokenSource();

        var owner = cache.GetOrCreateAsync("k", gate, (_, g, ct) =>
        {
            loaderToken = ct;
            return new ValueTask<LoadResult<string>>(g.Task.ContinueWith(_ => LoadResult<string>.Of("v"), TaskScheduler.Default));
        }, cancellationToken: impatient.Token).AsTask();
        var patient = cache.GetOrCreateAsync("k", 0, static (_, _, _) => ValueTask.FromResult(LoadResult<string>.Of("unused"))).AsTask();

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => owner);
        Assert.False(loaderToken.IsCancellationRequested);
        gate.SetResult();

        Assert.Equal("v", (await patient).Value);
        Assert.True(cache.TryGet("k", out _));
    }

    [Fact]
    public async Task When_every_waiter_gives_up_the_factory_is_cancelled_and_the_key_is_not_poisoned()
    {
        using var cache = Create();
        using var cts = new CancellationTokenSource();
        var factoryCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var lookup = cache.GetOrCreateAsync("k", factoryCancelled, static async (_, done, ct) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                done.SetResult();
            }
            return LoadResult<string>.Of("never");
        }, cancellationToken: cts.Token).AsTask();

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lookup);
        await factoryCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var next = await cache.GetOrCreateAsync("k", 0, static (_, _, _) => ValueTask.FromResult(LoadResult<string>.Of("v")));
        Assert.Equal(new CacheLookup<string>(true, "v", CacheOutcome.Miss), next);
        cache.AssertIntegrity();
    }

    [Fact]
    public async Task A_value_that_cannot_be_sized_fails_the_load_instead_of_stranding_it()
    {
        using var cache = new LruCache<string, string>(
            new LruCacheOptions { Capacity = 10, MaxBytes = 100, ExpirationScanInterval = null },
            _time,
            static value => value == "bad" ? throw new InvalidOperationException("cannot size") : value.Length);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetOrCreateAsync("k", "bad", static (_, v, _) => ValueTask.FromResult(LoadResult<string>.Of(v))).AsTask());
        var next = await cache.GetOrCreateAsync("k", "good", static (_, v, _) => ValueTask.FromResult(LoadResult<string>.Of(v)));

        Assert.Equal(new CacheLookup<string>(true, "good", CacheOutcome.Miss), next);
        cache.AssertIntegrity();
    }

    [Fact]
    public async Task A_remove_during_the_load_wins()
    {
        using var cache = Create();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lookup = LoadStaleAfter(cache, gate);

        cache.Remove("k");
        gate.SetResult();

        Assert.Equal("stale", (await lookup).Value); // the caller that asked before the remove gets its answer
        Assert.False(cache.TryGet("k", out _)); // but it is not cached
        var next = await cache.GetOrCreateAsync("k", 0, static (_, _, _) => ValueTask.FromResult(LoadResult<string>.Of("fresh")));
        Assert.Equal(new CacheLookup<string>(true, "fresh", CacheOutcome.Miss), next);
        cache.AssertIntegrity();
    }

    [Fact]
    public async Task A_set_during_the_load_wins()
    {
        using var cache = Create();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lookup = LoadStaleAfter(cache, gate);

        cache.Set("k", "written");
        gate.SetResult();
        await lookup;

        Assert.True(cache.TryGet("k", out var value));
        Assert.Equal("written", value);
    }

    [Fact]
    public async Task An_absent_key_is_remembered_for_the_negative_ttl()
    {
        using var cache = Create();
        var loads = 0;
        ValueTask<LoadResult<string>> Absent(string key, int state, CancellationToken ct)
        {
            loads++;
            return ValueTask.FromResult(LoadResult<string>.Absent);
        }

        var first = await cache.GetOrCreateAsync("missing", 0, Absent);
        var second = await cache.GetOrCreateAsync("missing", 0, Absent);
        _time.Advance(TimeSpan.FromSeconds(5));
        var afterTtl = await cache.GetOrCreateAsync("missing", 0, Absent);

        Assert.Equal(new CacheLookup<string>(false, null, CacheOutcome.Miss), first);
        Assert.Equal(new CacheLookup<string>(false, null, CacheOutcome.Hit), second);
        Assert.Equal(CacheOutcome.Miss, afterTtl.Outcome);
        Assert.Equal(2, loads);
        Assert.Equal(1, cache.Statistics.NegativeHits);
        Assert.False(cache.TryGet("missing", out _)); // a remembered absence is not a value
    }

    /// <summary>Starts a load of "k" that returns "stale" once <paramref name="gate"/> opens.</summary>
    private static Task<CacheLookup<string>> LoadStaleAfter(LruCache<string, string> cache, TaskCompletionSource gate) =>
        cache.GetOrCreateAsync("k", gate, static async (_, g, _) =>
        {
            await g.Task;
            return LoadResult<string>.Of("stale");
        }).AsTask();

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
