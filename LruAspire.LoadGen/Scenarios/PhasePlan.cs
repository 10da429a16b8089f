using LruAspire.LoadGen.CacheApi;

namespace LruAspire.LoadGen.Scenarios;

/// <summary>What one phase of a scenario sends: the knobs and how each user picks its next request.</summary>
/// <param name="Seed">User <c>i</c> draws from <c>new Random(Seed + i)</c>, so two phases with the same seed send the same keys.</param>
public sealed record PhasePlan(string Scenario, string Phase, LoadProfile Profile, Func<Random, LoadRequest> NextRequest, int Seed);
