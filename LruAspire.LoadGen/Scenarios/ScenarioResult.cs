using LruAspire.LoadGen.Measurement;

namespace LruAspire.LoadGen.Scenarios;

/// <summary>What a scenario measured: one summary per phase and, for some scenarios, a derived result.</summary>
/// <param name="Notes">Plain-language remarks for the report (key space used, writes unavailable, ...).</param>
public sealed record ScenarioResult(
    IReadOnlyList<PhaseSummary> Phases,
    IReadOnlyList<string> Notes,
    CacheComparison? Comparison = null,
    HerdSummary? Herd = null);
