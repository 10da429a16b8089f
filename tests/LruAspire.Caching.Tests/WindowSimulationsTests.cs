using LruAspire.Caching.Policies;

namespace LruAspire.Caching.Tests;

/// <summary>How <see cref="WindowSimulations"/> samples keys and when it chooses another window share.</summary>
public class WindowSimulationsTests
{
    [Fact]
    public void Keys_aligned_to_4096_are_sampled_at_the_intended_rate()
    {
        // Block addresses (w106) are multiples of 4,096: a sample that looks only at low hash bits takes 1 in 8 of
        // them instead of 1 in 64, and the miniatures then model a much smaller cache.
        var simulations = new WindowSimulations(capacity: 50_000, initialShare: 0.01);
        const int Keys = 256_000;

        var sampled = Enumerable.Range(0, Keys).Count(i => simulations.IsSampled(((long)i * 4_096).GetHashCode()));

        Assert.InRange(sampled, Keys / 64 * 0.9, Keys / 64 * 1.1);
    }

    [Fact]
    public void A_workload_where_keys_recur_once_soon_after_moves_the_window_to_a_share_that_holds_them()
    {
        // Every key is read twice, 50 new keys apart, and never again (vaultservice's pattern): a 1 % window has
        // dropped it by then and the admission filter rejected it (seen once, like its victim); a window of 30 % of a
        // miniature (75 of 250 entries) or more still holds it.
        var simulations = new WindowSimulations(capacity: 1_000, initialShare: 0.01);
        double? chosen = null;

        for (var i = 0; i < 100_000 && chosen is null; i++)
        {
            var key = i % 2 == 0 ? i / 2 : i / 2 - 50;
            chosen = simulations.Record(key);
        }

        Assert.True(chosen >= 0.3, $"Chose {chosen?.ToString() ?? "no other share"} in 100,000 accesses.");
    }

    [Fact]
    public void A_working_set_that_every_share_holds_never_switches()
    {
        // All shares hit alike, so no lead is significant: switching here would only move entries for nothing.
        var simulations = new WindowSimulations(capacity: 1_000, initialShare: 0.01);

        for (var i = 0; i < 100_000; i++)
        {
            var key = i % 100;
            Assert.Null(simulations.Record(key));
        }
    }
}
