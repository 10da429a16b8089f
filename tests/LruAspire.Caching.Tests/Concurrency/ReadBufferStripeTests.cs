using LruAspire.Caching.Concurrency;

namespace LruAspire.Caching.Tests.Concurrency;

/// <summary>
/// The read buffer's ring: exact and in order with one producer, and with producers racing on one stripe (which
/// it allows to lose or repeat reads) it hands out only items that were added and never stays stuck.
/// </summary>
public class ReadBufferStripeTests
{
    private const int Capacity = 16;

    [Fact]
    public void One_producer_gets_every_item_back_in_order_until_the_ring_is_full()
    {
        var stripe = new ReadBufferStripe<object>(Capacity);
        var items = Enumerable.Range(0, Capacity + 1).Select(_ => new object()).ToArray();

        var added = items.TakeWhile(item => Offer(stripe, item)).Count();
        var output = new object[Capacity];
        var drained = stripe.DrainTo(output);

        Assert.Equal(Capacity, added); // the last one found the ring full
        Assert.Equal(items.Take(Capacity), output.Take(drained));
        Assert.True(Offer(stripe, items[^1]), "A drained ring must take items again.");
        Assert.Equal(1, stripe.DrainTo(output));
        Assert.Same(items[^1], output[0]);
    }

    [Fact]
    public async Task Producers_racing_on_one_stripe_hand_out_only_added_items_and_it_recovers()
    {
        var stripe = new ReadBufferStripe<object>(Capacity);
        var produced = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 1_000).Select(_ => new object()).ToArray()).ToArray();
        var known = produced.SelectMany(items => items).ToHashSet(ReferenceEqualityComparer.Instance);
        using var stop = new CancellationTokenSource();
        var output = new object[Capacity];
        var strangers = 0;
        var drained = 0L;

        var producers = produced.Select(items => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var item in items)
                {
                    Offer(stripe, item);
                }
            }
        })).ToArray();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (drained < 100_000 && DateTime.UtcNow < deadline)
        {
            var count = stripe.DrainTo(output);
            drained += count;
            strangers += output.Take(count).Count(item => item is null || !known.Contains(item));
        }
        await stop.CancelAsync();
        await Task.WhenAll(producers);
        stripe.DrainTo(output);

        Assert.Equal(0, strangers);
        Assert.True(drained >= 100_000, $"The consumer drained only {drained} reads in 30 s: the ring got stuck.");
        // Whatever the races did to the ends, one producer afterwards is exact again.
        var fresh = Enumerable.Range(0, Capacity).Select(_ => new object()).ToArray();
        Assert.All(fresh, item => Assert.True(Offer(stripe, item)));
        Assert.Equal(Capacity, stripe.DrainTo(output));
        Assert.Equal(fresh, output);
    }

    [Fact]
    public void A_tail_a_race_left_behind_the_head_reads_as_full_and_one_drain_heals_it()
    {
        var stripe = new ReadBufferStripe<object>(Capacity);
        // What two producers on one stripe can leave: the ring was filled and drained up to 16, then a producer
        // that had read tail 0 long before stored tail 1.
        SetEnds(stripe, head: Capacity, tail: 1, cachedHead: Capacity);
        var output = new object[Capacity];

        Assert.False(Offer(stripe, new object()), "A tail behind the head must read as full, not let a producer write past the ring.");
        Assert.Equal(0, stripe.DrainTo(output)); // the drainer gives up what lies between and skips to the tail
        var fresh = Enumerable.Range(0, 2 * Capacity).Select(_ => new object()).ToArray();
        var accepted = fresh.TakeWhile(item => Offer(stripe, item)).Count();

        Assert.Equal(Capacity, accepted);
        Assert.Equal(Capacity, stripe.DrainTo(output));
        Assert.Equal(fresh.Take(Capacity), output);
    }

    private static void SetEnds(ReadBufferStripe<object> stripe, int head, int tail, int cachedHead)
    {
        var field = typeof(ReadBufferStripe<object>).GetField("_ends", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        field.SetValue(stripe, new RingEnds { Head = head, Tail = tail, CachedHead = cachedHead });
    }

    /// <summary>What a reader does: the cheap check on the cached head first, the fresh head when that says full.</summary>
    private static bool Offer(ReadBufferStripe<object> stripe, object item) => stripe.TryAdd(item) || stripe.TryAddWithFreshHead(item);
}
