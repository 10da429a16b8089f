using LruAspire.Caching.Policies;

namespace LruAspire.Caching.Tests;

/// <summary>The window simulations replayed on the thread pool: the same choices as on the writer, delivered to the policy.</summary>
public class DeferredSimulationsTests
{
    private const int Capacity = 1_000;

    /// <summary>Enough accesses for the recurring workload to switch several times over, and for any batch to be replayed.</summary>
    private const int MaximumAccesses = 2_000_000;

    [Theory]
    [InlineData(true)] // the pool replays most batches
    [InlineData(false)] // the writer, racing ahead, replays many itself
    public void Every_batch_is_replayed_once_and_in_order_so_the_choice_is_what_the_writer_would_make(bool pauseForThePool)
    {
        // The choice is a deterministic function of the sampled accesses and their order: a lost, repeated or
        // reordered batch changes the leads, and with them what the simulations first choose and when. Replayed
        // later, the same choice reaches the policy at most two batches of sampled accesses late (the batch being
        // filled, then the one the pool may not have replayed yet): at 1,000 entries 1 key in 4 is sampled.
        var onWriter = new WindowSimulations(Capacity, initialShare: 0.01);
        var (expectedAt, expected) = FirstChoice(onWriter.Record);
        var deferred = new DeferredSimulations(new WindowSimulations(Capacity, initialShare: 0.01));

        var (chosenAt, chosen) = FirstChoice(hash =>
        {
            if (pauseForThePool && hash % 256 == 0)
            {
                Thread.Sleep(1);
            }
            return deferred.Record(hash);
        });

        Assert.NotNull(expected);
        Assert.Equal(expected, chosen);
        Assert.True(expectedAt > 1_000, $"The first choice came after {expectedAt} accesses: too soon to span batches.");
        Assert.InRange(chosenAt, expectedAt, expectedAt + 4 * 2 * DeferredSimulations.BatchSize * 2);
    }

    [Fact]
    public void A_cache_on_the_thread_pool_takes_the_share_its_simulations_choose()
    {
        // With the 1 % window every second read misses (its key left the 10-entry window 40 new keys before); once
        // the choice reaches the live policy, the window holds 50 keys and every second read hits.
        using var cache = new LruCache<int, int>(new LruCacheOptions { Capacity = Capacity, Policy = CachePolicy.TinyLfu, ReadMaintenance = ReadMaintenance.ThreadPool, ExpirationScanInterval = null });
        var hits = 0;
        const int Accesses = 400_000, Measured = 10_000;

        for (var i = 0; i < Accesses; i++)
        {
            var key = RecurringSoonAfter(i);
            if (cache.TryGet(key, out _))
            {
                hits += i >= Accesses - Measured ? 1 : 0;
            }
            else
            {
                cache.Set(key, key);
            }
        }

        Assert.InRange(hits, Measured * 0.45, Measured * 0.5);
        cache.AssertIntegrity();
    }

    /// <summary>Every key is read twice, 50 new keys apart, and never again: a window of 30 % or more holds it for its second read.</summary>
    private static int RecurringSoonAfter(int i) => i % 2 == 0 ? i / 2 : i / 2 - 50;

    private static (int At, double? Share) FirstChoice(Func<int, double?> record)
    {
        for (var i = 0; i < MaximumAccesses; i++)
        {
            if (record(RecurringSoonAfter(i)) is { } share)
            {
                return (i, share);
            }
        }
        return (MaximumAccesses, null);
    }
}
