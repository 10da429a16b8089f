using LruAspire.Traces;

namespace LruAspire.Benchmarks.Traces;

/// <summary>One trace at one capacity, replayed through every contender.</summary>
/// <param name="Trace">The trace.</param>
/// <param name="Capacity">The capacity and the README's reference ratios there.</param>
/// <param name="Results">Each contender's counts, by contender name.</param>
public sealed record TraceRow(TraceInfo Trace, TraceCapacity Capacity, IReadOnlyDictionary<string, ReplayResult> Results)
{
    /// <summary>A contender's hit ratio in percent (0–100).</summary>
    public double Percent(string contender) => 100 * Results[contender].HitRatio;
}
