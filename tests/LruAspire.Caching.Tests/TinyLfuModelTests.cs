using CsCheck;
using LruAspire.Caching.Tests.Model;
using Microsoft.Extensions.Time.Testing;

namespace LruAspire.Caching.Tests;

/// <summary>
/// Model-based randomized tests of the <see cref="CachePolicy.TinyLfu"/> policy. Which entries W-TinyLFU evicts
/// depends on its sketch, so the reference checks what is observable: a found value is always the last value set
/// for the key, never a removed, replaced or expired one; the count and bytes stay within the bounds; and the
/// integrity check (map, lists, segment bounds, sketch, expiration order, counts, bytes) passes after every
/// operation. CsCheck shrinks a failure and prints the seed that replays it.
/// </summary>
public class TinyLfuModelTests
{
    private static readonly Gen<Operation> Operations = Gen.Frequency(
        (5, Gen.Int[0, 40].Select(k => (Operation)new Get(k))),
        (4, Gen.Select(Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 5], Gen.Int[1, 20], (k, size, kind, seconds) => (Operation)new Set(k, size, kind, seconds))),
        (1, Gen.Int[0, 40].Select(k => (Operation)new Remove(k))),
        (1, Gen.Int[1, 15].Select(s => (Operation)new Advance(s))),
        (1, Gen.Const((Operation)new Sweep())));

    private static readonly Gen<Scenario> Scenarios = Gen.Select(
        Gen.Int[1, 24], Gen.Bool, Gen.Bool, Operations.Array[0, 400],
        (capacity, byteBound, defaultTtl, operations) => new Scenario(
            capacity,
            byteBound ? 200 : null,
            defaultTtl ? TimeSpan.FromSeconds(30) : null,
            operations));

    [Fact]
    public void TinyLfu_never_returns_a_value_it_should_not_have_and_stays_consistent() =>
        Scenarios.Sample(Run, iter: 1_000, threads: 1);

    private static void Run(Scenario scenario)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        using var cache = new LruCache<int, int>(
            new LruCacheOptions
            {
                Capacity = scenario.Capacity,
                Policy = CachePolicy.TinyLfu,
                ReadMaintenance = ReadMaintenance.Caller, // a failing seed must replay the same way
                MaxBytes = scenario.MaxBytes,
                DefaultTimeToLive = scenario.DefaultTimeToLive,
                ExpirationScanInterval = null,
            },
            time,
            static value => ReferenceLru.SizeOf(value));
        var model = new ReferenceEntries(scenario.MaxBytes ?? long.MaxValue, scenario.DefaultTimeToLive);

        var nextValue = 0;
        long gets = 0;
        foreach (var operation in scenario.Operations)
        {
            var now = time.GetUtcNow().UtcTicks;
            switch (operation)
            {
                case Get get:
                    gets++;
                    int? found = cache.TryGet(get.Key, out var value) ? value : null;
                    if (found is not null)
                    {
                        Assert.Equal(model.Allowed(get.Key, now), found);
                    }
                    model.Observe(get.Key, found, now);
                    break;
                case Set set:
                    var newValue = ++nextValue * 100 + set.Size;
                    var options = set.Options();
                    cache.Set(set.Key, newValue, options);
                    model.Set(set.Key, newValue, options, now);
                    break;
                case Remove remove:
                    cache.Remove(remove.Key);
                    model.Remove(remove.Key);
                    break;
                case Advance advance:
                    time.Advance(TimeSpan.FromSeconds(advance.Seconds));
                    break;
                case Sweep:
                    cache.RemoveExpired();
                    break;
            }

            var stats = cache.Statistics;
            Assert.True(stats.Count <= scenario.Capacity && stats.Bytes <= (scenario.MaxBytes ?? long.MaxValue));
            Assert.Equal(gets, stats.Hits + stats.Misses);
            cache.AssertIntegrity();
        }
    }
}
