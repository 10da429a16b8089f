using CsCheck;
using LruAspire.Caching.Policies;
using LruAspire.Caching.Tests.Model;

namespace LruAspire.Caching.Tests;

/// <summary>
/// <see cref="MiniatureTinyLfu"/>, the window simulations' compact cache, against <see cref="ReferenceWindowTinyLfu"/>:
/// every access must hit or miss alike, so the simulations measure the policy the live cache runs.
/// </summary>
public class MiniatureTinyLfuTests
{
    private static readonly double[] Shares = [0.01, 0.1, 0.3, 0.6, 0.9];

    /// <summary>A capacity, a window share, and a skewed key stream: a few hot keys that win duels, many cold ones.</summary>
    private static readonly Gen<(int Capacity, double Share, int[] Keys)> Runs =
        Gen.Select(
            Gen.Int[1, 40],
            Gen.Int[0, Shares.Length - 1].Select(i => Shares[i]),
            Gen.Frequency((3, Gen.Int[0, 8]), (2, Gen.Int[0, 120])).Array[1, 2_000]);

    [Fact]
    public void Every_access_hits_or_misses_as_in_the_reference_model() =>
        Runs.Sample(run =>
        {
            var sketch = new FrequencySketch(run.Capacity);
            var miniature = new MiniatureTinyLfu(run.Capacity, run.Share, sketch);
            var bounds = SegmentBounds.For(run.Capacity, run.Share);
            var model = new ReferenceWindowTinyLfu(run.Capacity, bounds.Window, bounds.Protected, sketch.Frequency);

            for (var i = 0; i < run.Keys.Length; i++)
            {
                // WindowSimulations counts an access in the miniatures' sketch before they replay it; both read the same counts.
                sketch.Increment(run.Keys[i]);
                var expected = model.Access(run.Keys[i]);
                Assert.True(expected == miniature.Access(run.Keys[i]), $"Access {i} (key {run.Keys[i]}): the model {(expected ? "hit" : "missed")}, the miniature did not.");
            }
        }, iter: 1_000);

    [Fact]
    public void A_key_set_that_fits_hits_after_its_first_access()
    {
        var miniature = new MiniatureTinyLfu(capacity: 64, windowShare: 0.01, new FrequencySketch(64));
        for (var key = 0; key < 64; key++)
        {
            Assert.False(miniature.Access(key * 4_096));
        }

        for (var key = 0; key < 64; key++)
        {
            Assert.True(miniature.Access(key * 4_096), $"Key {key * 4_096} was evicted from a cache it fits in.");
        }
    }
}
