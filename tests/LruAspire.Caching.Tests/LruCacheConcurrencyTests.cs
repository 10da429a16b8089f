using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Time.Testing;

namespace LruAspire.Caching.Tests;

/// <summary>
/// Soak tests: many threads churn caches whose key space is far larger than their capacity, with byte bounds,
/// expirations, a moving clock, sweeps, removes and single-flight loads, under both policies. Every run must end
/// with the integrity check passing (map, lists, sketch, expiration order, counts and bytes agree), no load left
/// registered, and no bound ever exceeded.
/// </summary>
public class LruCacheConcurrencyTests
{
    private const int Threads = 8;

    [Theory]
    [InlineData(CachePolicy.Lru)]
    [InlineData(CachePolicy.TinyLfu)]
    public async Task Churn_with_every_operation_leaves_the_cache_consistent(CachePolicy policy)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        using var cache = new LruCache<int, int>(
            new LruCacheOptions { Capacity = 64, Policy = policy, MaxBytes = 64 * 50, MaxAbsences = 8, ExpirationScanInterval = null },
            time,
            static value => value % 100);
        var overBound = 0;
        var wrongValue = 0;
        using var stop = new CancellationTokenSource();

        var clock = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                cache.RemoveExpired();
                await Task.Yield();
            }
        });

        var workers = Enumerable.Range(0, Threads).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            for (var i = 0; i < 40_000; i++)
            {
                var key = random.Next(4_096); // key space 64x the capacity: nearly every insert evicts
                switch (random.Next(20))
                {
                    case < 8:
                        if (cache.TryGet(key, out var value) && value / 100 != key)
                        {
                            Interlocked.Increment(ref wrongValue);
                        }
                        break;
                    case < 14:
                        cache.Set(key, key * 100 + random.Next(100), RandomExpiration(random));
                        break;
                    case < 16:
                        cache.Remove(key);
                        break;
                    default:
                        var lookup = await cache.GetOrCreateAsync(key, random.Next(100), static async (k, size, _) =>
                        {
                            await Task.Yield();
                            return k % 7 == 0 ? LoadResult<int>.Absent : LoadResult<int>.Of(k * 100 + size);
                        });
                        if (lookup.Found && lookup.Value / 100 != key)
                        {
                            Interlocked.Increment(ref wrongValue);
                        }
                        break;
                }

                var stats = cache.Statistics;
                if (stats.Count - stats.Absences > stats.Capacity || stats.Absences > stats.MaxAbsences || stats.Bytes > stats.MaxBytes)
                {
                    Interlocked.Increment(ref overBound);
                }
            }
        })).ToArray();

        await Task.WhenAll(workers);
        await stop.CancelAsync();
        await clock;

        cache.AssertIntegrity(expectNoLoads: true);
        var final = cache.Statistics;
        Assert.Equal(0, overBound);
        Assert.Equal(0, wrongValue);
        Assert.True(final.Evictions > 10_000, $"Expected heavy capacity churn, saw {final.Evictions} evictions.");
        Assert.True(final.Expirations > 0 && final.Removals > 0 && final.Loads > 0);
    }

    [Theory]
    [InlineData(CachePolicy.Lru)]
    [InlineData(CachePolicy.TinyLfu)]
    public async Task Removes_during_loads_always_win(CachePolicy policy)
    {
        using var cache = new LruCache<int, long>(new LruCacheOptions { Capacity = 16, Policy = policy, ExpirationScanInterval = null });
        var versions = new long[32];

        // Writers model an update: bump the source of truth, then invalidate the cache. Readers load the version
        // they see. A load that read an old version must never be left in the cache after the remove.
        var writers = Enumerable.Range(0, 2).Select(seed => Task.Run(() =>
        {
            var random = new Random(seed);
            for (var i = 0; i < 20_000; i++)
            {
                var key = random.Next(versions.Length);
                Interlocked.Increment(ref versions[key]);
                cache.Remove(key);
            }
        }));
        var readers = Enumerable.Range(0, Threads).Select(seed => Task.Run(async () =>
        {
            var random = new Random(100 + seed);
            for (var i = 0; i < 20_000; i++)
            {
                await cache.GetOrCreateAsync(random.Next(versions.Length), versions, static async (k, source, _) =>
                {
                    var version = Volatile.Read(ref source[k]);
                    await Task.Yield(); // let writers run while the load is in flight
                    return LoadResult<long>.Of(version);
                });
            }
        }));

        await Task.WhenAll(writers.Concat(readers));

        cache.AssertIntegrity(expectNoLoads: true);
        for (var key = 0; key < versions.Length; key++)
        {
            if (cache.TryGet(key, out var cached))
            {
                Assert.Equal(versions[key], cached);
            }
        }
        Assert.True(cache.Statistics.CoalescedLoads > 0, "The run should have coalesced some loads.");
    }

    private static DistributedCacheEntryOptions? RandomExpiration(Random random) => random.Next(4) switch
    {
        0 => new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMilliseconds(random.Next(1, 2_000)) },
        1 => new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMilliseconds(random.Next(1, 2_000)) },
        _ => null,
    };
}
