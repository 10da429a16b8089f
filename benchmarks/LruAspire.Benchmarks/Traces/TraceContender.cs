using LruAspire.Traces;

namespace LruAspire.Benchmarks.Traces;

/// <summary>A cache in the trace comparison: its column name and how to build an empty one of a given capacity.</summary>
public sealed record TraceContender(string Name, Func<int, ITraceCache> Create);
