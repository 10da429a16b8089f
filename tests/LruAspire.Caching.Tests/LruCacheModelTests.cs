using CsCheck;
using LruAspire.Caching.Tests.Model;
using Microsoft.Extensions.Time.Testing;

namespace LruAspire.Caching.Tests;

/// <summary>
/// Model-based randomized tests of the <see cref="CachePolicy.Lru"/> policy: random sequences of
/// get/set/remove/advance-clock/sweep run against the engine and against <see cref="ReferenceLru"/>; every result,
/// the counters and the final eviction order must agree, and the integrity check must pass. CsCheck shrinks a failure to a minimal sequence and prints the seed that replays it
/// (pass it as <c>seed:</c> to <c>Sample</c>, or set the <c>CsCheck_Seed</c> environment variable).
/// </summary>
public class LruCacheModelTests
{
    private static readonly Gen<Operation> Operations = ScenarioGen.Operations(maxKey: 15, maxSize: 40, getWeight: 4, advanceWeight: 2);

    private static readonly Gen<Scenario> Scenarios = ScenarioGen.Scenarios(Operations, maxCapacity: 8, byteBound: 60, maxOperations: 120);

    [Fact]
    public void Lru_behaves_exactly_like_a_global_ordered_list() =>
        Scenarios.Sample(Run, iter: 3_000, threads: 1);

    [Fact]
    public void Lru_behaves_exactly_like_a_global_ordered_list_over_long_runs() =>
        Scenarios.Select(Operations.Array[200, 600], (s, operations) => s with { Operations = operations }).Sample(Run, iter: 300, threads: 1);

    private static void Run(Scenario scenario)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        using var cache = ScenarioGen.CreateCache(scenario, CachePolicy.Lru, time);

        var model = new ReferenceLru(scenario.Capacity, scenario.MaxBytes ?? long.MaxValue, scenario.DefaultTimeToLive);

        var nextValue = 0;
        foreach (var operation in scenario.Operations)
        {
            var now = time.GetUtcNow().UtcTicks;
            switch (operation)
            {
                case Get get:
                    int? actual = cache.TryGet(get.Key, out var value) ? value : null;
                    Assert.Equal(model.Get(get.Key, now), actual);
                    break;
                case Set set:
                    var newValue = ++nextValue * 100 + set.Size;
                    var options = set.Options();
                    cache.Set(set.Key, newValue, options);
                    model.Set(set.Key, newValue, options, now);
                    break;
                case Remove remove:
                    Assert.Equal(model.Remove(remove.Key, now), cache.Remove(remove.Key));
                    break;
                case Advance advance:
                    time.Advance(TimeSpan.FromSeconds(advance.Seconds));
                    break;
                case Sweep:
                    Assert.Equal(model.RemoveExpired(now), cache.RemoveExpired());
                    break;
            }
        }

        Assert.Equal(model.KeysByRecency(), cache.KeysByRecency());
        var stats = cache.Statistics;
        Assert.Equal(
            (model.Hits, model.Misses, model.Evictions, model.Expirations, model.Removals, model.Count, model.Bytes),
            (stats.Hits, stats.Misses, stats.Evictions, stats.Expirations, stats.Removals, stats.Count, stats.Bytes));
        cache.AssertIntegrity();
    }
}
