using CsCheck;

namespace LruAspire.Caching.Tests.Model;

/// <summary>The random scenarios of the model-based tests, and the engine each one runs against.</summary>
internal static class ScenarioGen
{
    /// <summary>Get, set (every expiration kind), remove, advance the clock and sweep, over keys 0..<paramref name="maxKey"/>.</summary>
    public static Gen<Operation> Operations(int maxKey, int maxSize, int getWeight, int advanceWeight) => Gen.Frequency(
        (getWeight, Gen.Int[0, maxKey].Select(k => (Operation)new Get(k))),
        (4, Gen.Select(Gen.Int[0, maxKey], Gen.Int[0, maxSize], Gen.Int[0, 5], Gen.Int[1, 20], (k, size, kind, seconds) => (Operation)new Set(k, size, kind, seconds))),
        (1, Gen.Int[0, maxKey].Select(k => (Operation)new Remove(k))),
        (advanceWeight, Gen.Int[1, 15].Select(s => (Operation)new Advance(s))),
        (1, Gen.Const((Operation)new Sweep())));

    /// <summary>A capacity of 1..<paramref name="maxCapacity"/>, with or without <paramref name="byteBound"/> and a 30 s default TTL.</summary>
    public static Gen<Scenario> Scenarios(Gen<Operation> operations, int maxCapacity, long byteBound, int maxOperations) => Gen.Select(
        Gen.Int[1, maxCapacity], Gen.Bool, Gen.Bool, operations.Array[0, maxOperations],
        (capacity, bounded, defaultTtl, ops) => new Scenario(
            capacity,
            bounded ? byteBound : null,
            defaultTtl ? TimeSpan.FromSeconds(30) : null,
            ops));

    /// <summary>The engine under test for <paramref name="scenario"/>, on <paramref name="time"/>, sized like the references.</summary>
    public static LruCache<int, int> CreateCache(Scenario scenario, CachePolicy policy, TimeProvider time) => new(
        new LruCacheOptions
        {
            Capacity = scenario.Capacity,
            Policy = policy,
            PolicyMaintenance = PolicyMaintenance.Caller, // a failing seed must replay the same way
            MaxBytes = scenario.MaxBytes,
            DefaultTimeToLive = scenario.DefaultTimeToLive,
            ExpirationScanInterval = null,
        },
        time,
        static value => ReferenceLru.SizeOf(value));
}
