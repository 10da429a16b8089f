using LruAspire.Caching.Lru;

namespace LruAspire.Caching.Tests;

/// <summary>
/// The seed's bug: two threads evicting the same tail at once. Here many threads churn a tiny cache whose key
/// space is far larger than its capacity, so nearly every Set evicts; the run must end without an exception,
/// the cache must never exceed its capacity, and the map and the list must agree.
/// </summary>
public class LruCacheConcurrencyTests
{
    [Fact]
    public async Task Random_concurrent_operations_leave_the_cache_consistent()
    {
        const int capacity = 8;
        const int threads = 8;
        const int operationsPerThread = 50_000;
        var cache = new LruCache<int, int>(capacity);
        var overCapacity = 0;

        var workers = Enumerable.Range(0, threads).Select(seed => Task.Run(() =>
        {
            var random = new Random(seed);
            for (var i = 0; i < operationsPerThread; i++)
            {
                var key = random.Next(64);
                switch (random.Next(10))
                {
                    case < 5:
                        if (cache.TryGet(key, out var value) && value != key)
                        {
                            throw new InvalidOperationException($"Key {key} returned {value}.");
                        }
                        break;
                    case < 9:
                        cache.Set(key, key);
                        break;
                    default:
                        cache.Remove(key);
                        break;
                }

                if (cache.Count > capacity)
                {
                    Interlocked.Increment(ref overCapacity);
                }
            }
        })).ToArray();

        await Task.WhenAll(workers);

        Assert.Equal(0, overCapacity);
        cache.AssertIntegrity();
        Assert.True(cache.Statistics.Evictions > 0, "The run should have forced evictions.");
    }
}
