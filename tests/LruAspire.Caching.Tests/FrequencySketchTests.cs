using CsCheck;
using LruAspire.Caching.Policies;

namespace LruAspire.Caching.Tests;

/// <summary>The count-min sketch behind TinyLFU's admission: what it may and may not get wrong, and its aging.</summary>
public class FrequencySketchTests
{
    [Fact]
    public void A_count_is_never_underestimated_before_the_sketch_ages() =>
        // 256 entries age after 2,560 increments; the streams stop short of that.
        Gen.Int[0, 300].Array[1, 2_500].Sample(stream =>
        {
            var sketch = new FrequencySketch(capacity: 256);
            foreach (var key in stream)
            {
                sketch.Increment(key);
            }

            foreach (var (key, count) in stream.CountBy(key => key))
            {
                Assert.True(sketch.Frequency(key) >= Math.Min(count, 15), $"Key {key}, seen {count} times, is estimated at {sketch.Frequency(key)}.");
            }
        }, iter: 200);

    [Fact]
    public void Few_keys_are_overestimated_when_as_many_keys_as_entries_are_counted()
    {
        // Count-min: a key's estimate is the least of its four counters, so it is too high only when all four are shared
        // with other keys (about 0.2 % of keys here); the greatest of the four would be too high for over half of them.
        Gen.Int.HashSet[1_024, 1_024].Sample(keys =>
        {
            var sketch = new FrequencySketch(capacity: 1_024);
            foreach (var key in keys)
            {
                sketch.Increment(key);
            }

            var overestimated = keys.Count(key => sketch.Frequency(key) > 1);
            Assert.True(overestimated < keys.Count / 20, $"{overestimated} of {keys.Count} keys are overestimated.");
        }, iter: 50);
    }

    [Fact]
    public void Aging_halves_the_counts_after_ten_increments_per_entry()
    {
        var sketch = new FrequencySketch(capacity: 64);
        const int Hot = -1;
        for (var i = 0; i < 15; i++)
        {
            sketch.Increment(Hot);
        }
        Assert.Equal(15, sketch.Frequency(Hot));

        // Distinct cold keys, one increment each, until the 640th increment ages the sketch. Bounded, so that a sketch
        // that stopped counting fails here instead of looping forever.
        for (var key = 0; key < 10 * sketch.SampleSize && sketch.Size < sketch.SampleSize - 1; key++)
        {
            sketch.Increment(key);
        }
        Assert.Equal(sketch.SampleSize - 1, sketch.Size);
        sketch.Increment(int.MaxValue);

        Assert.True(sketch.Size < sketch.SampleSize / 2, $"The sketch did not age: {sketch.Size} increments counted.");
        Assert.InRange(sketch.Frequency(Hot), 7, 10); // 15 halved, plus at most a few halved collisions
    }

    [Fact]
    public void A_saturated_key_stays_at_fifteen_and_does_not_hasten_aging()
    {
        var sketch = new FrequencySketch(capacity: 64);
        const int Hot = 42;
        for (var i = 0; i < 15; i++)
        {
            sketch.Increment(Hot);
        }
        var counted = sketch.Size;

        for (var i = 0; i < 1_000; i++)
        {
            sketch.Increment(Hot); // a carry out of a full counter would corrupt its neighbour and read as a small count
        }

        Assert.Equal(15, sketch.Frequency(Hot));
        Assert.Equal(counted, sketch.Size); // 1,000 more would have aged it (every 640 counted increments)
    }
}
