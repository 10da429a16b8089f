using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Keeps a Debug or Trace log record only when it is written inside a recorded trace, or outside any trace;
/// Information and above are always kept.
/// </summary>
/// <remarks>
/// Per-request Debug logs (the API's <c>API REQUEST</c>, <c>CACHE HIT</c>, <c>CACHE MISS</c>, <c>DB FETCH</c>) thereby
/// follow the trace sampling decision (<see cref="TraceSampling"/>): a request someone sends by hand shows all its
/// lines next to its trace, while a load generator that traces 1 % of its requests leaves 1 % of their lines
/// instead of hundreds of thousands that bury the dashboard's console. It is Microsoft.Extensions.Telemetry's
/// trace-based log sampler restricted to Debug and below, so warnings and errors are never sampled away.
/// </remarks>
public sealed class TracedDebugLogSampler : LoggingSampler
{
    /// <inheritdoc />
    public override bool ShouldSample<TState>(in LogEntry<TState> logEntry) =>
        logEntry.LogLevel > LogLevel.Debug || (Activity.Current?.Recorded ?? true);
}
