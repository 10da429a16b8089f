namespace LruAspire.Benchmarks.Traces;

/// <summary>Everything one trace comparison measured.</summary>
/// <param name="Contenders">The contenders' names, in column order.</param>
/// <param name="Rows">One row per trace and capacity, in catalogue order.</param>
/// <param name="Loading">Time spent reading the trace files.</param>
/// <param name="Replaying">Time each contender spent replaying (building its caches included), by name.</param>
/// <param name="Total">Wall-clock time of the whole comparison.</param>
public sealed record TraceRunResult(
    IReadOnlyList<string> Contenders,
    IReadOnlyList<TraceRow> Rows,
    TimeSpan Loading,
    IReadOnlyDictionary<string, TimeSpan> Replaying,
    TimeSpan Total);
