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
    private static readonly Gen<Operation> Operations = ScenarioGen.Operations(maxKey: 40, maxSize: 40, getWeight: 5, advanceWeight: 1);

    private static readonly Gen<Scenario> Scenarios = ScenarioGen.Scenarios(Operations, maxCapacity: 24, byteBound: 200, maxOperations: 400);

    [Fact]
    public void TinyLfu_never_returns_a_value_it_should_not_have_and_stays_consistent() =>
        Scenarios.Sample(Run, iter: 1_000, threads: 1);

    private static void Run(Scenario scenario)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        using var cache = ScenarioGen.CreateCache(scenario, CachePolicy.TinyLfu, time);
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
