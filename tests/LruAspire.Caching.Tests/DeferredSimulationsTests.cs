using LruAspire.Caching.Policies;

namespace LruAspire.Caching.Tests;

/// <summary>
/// The window simulations replayed on the thread pool: every choice the writer would make, in order and at most two
/// batches late; the pool replaying batches without waiting for the next writer; a cache taking the choice; and
/// writers on many threads handing batches over while the pool replays them.
/// </summary>
public class DeferredSimulationsTests
{
    private const int Capacity = 1_000;

    /// <summary>Five switches of the phased workload: large window, small, large, small, large.</summary>
    private const int PhasedAccesses = 450_000;

    [Theory]
    [InlineData(true)] // the pool replays most batches: only here would a writer replay one again after the pool
    [InlineData(false)] // the writer, racing ahead, replays many itself
    public void Every_batch_is_replayed_once_and_in_order_so_every_choice_is_the_writers_at_most_a_batch_late(bool pauseForThePool)
    {
        // The choices are a deterministic function of the sampled accesses and their order: a lost, repeated or
        // reordered batch shifts the periods and the leads, and with them when each choice comes, if it comes. A
        // choice made in batch b reaches the policy no sooner than the sampled access that hands b over and no later
        // than the one that hands over b + 1 (which replays b first if the pool has not). Choices are at least 10
        // periods (250 sampled accesses, about 4 batches) apart, so none is superseded before the policy takes it.
        var sampling = new WindowSimulations(Capacity, initialShare: 0.01);
        var expected = Choices(sampling, new WindowSimulations(Capacity, initialShare: 0.01).Record, pause: false);
        var deferred = new DeferredSimulations(new WindowSimulations(Capacity, initialShare: 0.01));

        var delivered = Choices(sampling, deferred.Record, pauseForThePool);

        Assert.True(expected.Count >= 5, $"The phased workload made {expected.Count} choices: too few to span its phases.");
        Assert.Equal(expected.Select(choice => choice.Share), delivered.Select(choice => choice.Share));
        foreach (var (made, taken) in expected.Zip(delivered))
        {
            Assert.InRange(taken.Sampled, HandedOver(made.Sampled), HandedOver(made.Sampled) + DeferredSimulations.BatchSize);
        }
    }

    [Fact]
    public void The_pool_replays_each_batch_without_waiting_for_the_next_one()
    {
        // After the sampled access that hands over a batch in which the writer's simulations chose, a writer would
        // replay that batch only when it hands over the next one, a batch of sampled accesses on: before that the choice
        // arrives only if the pool replayed the batch. So from there each sampled access waits a little longer (10 s
        // in all), and every choice must arrive within the batch that follows its own.
        var sampling = new WindowSimulations(Capacity, initialShare: 0.01);
        var expected = Choices(sampling, new WindowSimulations(Capacity, initialShare: 0.01).Record, pause: false);
        var deferred = new DeferredSimulations(new WindowSimulations(Capacity, initialShare: 0.01));
        var taken = new List<(int Sampled, double Share)>();
        var sampled = 0;

        for (var i = 0; i < PhasedAccesses && taken.Count < expected.Count; i++)
        {
            var key = Phased(i);
            if (!sampling.IsSampled(key))
            {
                continue;
            }
            var waited = ++sampled - HandedOver(expected[taken.Count].Sampled);
            Assert.True(waited < DeferredSimulations.BatchSize, $"Choice {taken.Count + 1} of {expected.Count} did not come before the batch after its own filled (10 s of waiting for the pool).");
            if (waited > 0)
            {
                Thread.Sleep(5 * waited);
            }
            if (deferred.Record(key) is { } share)
            {
                taken.Add((sampled, share));
            }
        }

        Assert.Equal(expected.Select(choice => choice.Share), taken.Select(choice => choice.Share));
        Assert.All(expected.Zip(taken), pair => Assert.True(pair.Second.Sampled >= HandedOver(pair.First.Sampled), "A choice came before its batch was handed over."));
    }

    [Fact]
    public void A_cache_on_the_thread_pool_takes_the_share_its_simulations_choose()
    {
        // With the 1 % window every second read misses (its key left the 10-entry window 40 new keys before); once
        // the choice reaches the live policy, the window holds 50 keys and every second read hits.
        using var cache = new LruCache<int, int>(new LruCacheOptions { Capacity = Capacity, Policy = CachePolicy.TinyLfu, PolicyMaintenance = PolicyMaintenance.ThreadPool, ExpirationScanInterval = null });
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

    [Fact]
    public async Task Writers_on_many_threads_hand_over_batches_while_the_pool_replays_them()
    {
        // Below 256 entries every key is sampled, so a batch fills every BatchSize policy updates: the threads' writes hand
        // batches over while the pool replays earlier ones, the phases move the window back and forth under the
        // writers (eight times, replayed on one thread), and Clear empties the cache while replays are pending. The
        // writers have threads of their own and the test awaits them: had they (or a test thread waiting for them)
        // held the pool's few threads on two cores, no work item would run and the writers would replay every batch.
        const int Threads = 3, Accesses = 320_000;
        using var cache = new LruCache<int, int>(new LruCacheOptions { Capacity = 200, Policy = CachePolicy.TinyLfu, PolicyMaintenance = PolicyMaintenance.ThreadPool, ExpirationScanInterval = null });
        var next = -1;

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(_ => Task.Factory.StartNew(() =>
        {
            for (var n = Interlocked.Increment(ref next); n < Accesses; n = Interlocked.Increment(ref next))
            {
                var key = Churn(n);
                if (!cache.TryGet(key, out _))
                {
                    cache.Set(key, key);
                }
                if (n % 30_000 == 0)
                {
                    cache.Clear();
                }
            }
        }, TaskCreationOptions.LongRunning)));

        cache.AssertIntegrity();
        Assert.True(cache.Statistics.Hits > Accesses / 5, $"{cache.Statistics.Hits} hits: the phases did not recur as meant.");
    }

    /// <summary>
    /// Access <paramref name="n"/> of the threads' shared sequence, for 200 entries: recency phases (each key read
    /// twice, 40 new keys apart: a window of 30 % or more holds it) alternating with frequency phases (150 hot keys
    /// between one-time keys: a 1 % window leaves main room for them, one of 30 % does not).
    /// </summary>
    private static int Churn(int n)
    {
        var phase = n / 40_000;
        var offset = (phase + 1) * 1_000_000;
        return phase % 2 == 0 ? offset + (n % 2 == 0 ? n / 2 : n / 2 - 40)
            : n % 2 == 0 ? n / 2 % 150
            : -offset - n;
    }

    /// <summary>Every key is read twice, 50 new keys apart, and never again: a window of 30 % or more holds it for its second read.</summary>
    private static int RecurringSoonAfter(int i) => i % 2 == 0 ? i / 2 : i / 2 - 50;

    /// <summary>
    /// Recency phases (each key read twice, 50 new keys apart: a window of 30 % or more wins) alternate with
    /// frequency phases (800 hot keys between one-time keys: only a window of 10 % or less leaves main room for the
    /// 200 hot keys a miniature samples), each on keys of its own.
    /// </summary>
    private static int Phased(int i)
    {
        const int Phase = 100_000, HotKeys = 800;
        var phase = i / Phase;
        var offset = (phase + 1) * 1_000_000;
        return phase % 2 == 0 ? offset + RecurringSoonAfter(i % Phase)
            : i % 2 == 0 ? i / 2 % HotKeys
            : -offset - i;
    }

    /// <summary>The number of sampled accesses up to the one that hands over the batch holding sampled access <paramref name="sampled"/>.</summary>
    private static int HandedOver(int sampled) => (sampled + DeferredSimulations.BatchSize - 1) / DeferredSimulations.BatchSize * DeferredSimulations.BatchSize;

    /// <summary>Each share <paramref name="record"/> returned, and the number of sampled accesses up to the one that returned it.</summary>
    private static List<(int Sampled, double Share)> Choices(WindowSimulations sampling, Func<int, double?> record, bool pause)
    {
        var choices = new List<(int Sampled, double Share)>();
        var sampled = 0;
        for (var i = 0; i < PhasedAccesses; i++)
        {
            if (pause && i % 512 == 0)
            {
                Thread.Sleep(1); // about two batches of sampled accesses: time for the pool to replay one
            }
            var key = Phased(i);
            sampled += sampling.IsSampled(key) ? 1 : 0;
            if (record(key) is { } share)
            {
                choices.Add((sampled, share));
            }
        }
        return choices;
    }
}
