using LruAspire.LoadGen.Measurement;

namespace LruAspire.LoadGen.Runs;

/// <summary>The report of one run: the table printed at the end and the JSON file written for scripts.</summary>
public sealed record RunSummary(
    int RunId,
    string Scenario,
    string Profile,
    string Target,
    int Seed,
    DateTimeOffset StartedAt,
    double ElapsedSeconds,
    LoadProfile Settings,
    IReadOnlyList<PhaseSummary> Phases,
    ApiMetricsChange? ApiMetrics,
    CacheComparison? Comparison,
    HerdSummary? Herd,
    IReadOnlyList<string> Notes);
