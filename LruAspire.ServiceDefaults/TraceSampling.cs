using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Which requests are traced: OpenTelemetry's parent-based trace-ID-ratio sampler. A request that arrives with a
/// trace context follows its caller's decision, so a trace is recorded whole or not at all; a request that starts
/// a trace is recorded with the probability configured at <see cref="SampleRatioKey"/>.
/// </summary>
/// <remarks>
/// Per-request tracing is what keeps the cached GET below a bare ASP.NET Core app (docs/benchmarks.md), so outside
/// Development only a tenth of new traces is recorded and exported, as production systems sample. In Development every request a person sends is traced, because the
/// dashboard is where they look at it. The ratio is read from configuration rather than from the standard
/// <c>OTEL_TRACES_SAMPLER</c> variable because Aspire sets that to <c>always_on</c> for every project it runs,
/// which would also record every request the load generator chose not to trace; a sampler set in code takes
/// precedence over the variable.
/// </remarks>
public static class TraceSampling
{
    /// <summary>Configuration key of the share of new traces recorded, from 0 (none) to 1 (all).</summary>
    public const string SampleRatioKey = "OpenTelemetry:Tracing:SampleRatio";

    /// <summary>The ratio in the Development environment: every new trace.</summary>
    public const double DevelopmentSampleRatio = 1.0;

    /// <summary>The ratio in every other environment.</summary>
    public const double DefaultSampleRatio = 0.1;

    /// <summary>The configured ratio, or the environment's default.</summary>
    /// <exception cref="InvalidOperationException">The configured value is outside 0..1.</exception>
    public static double GetSampleRatio(IConfiguration configuration, IHostEnvironment environment)
    {
        var ratio = configuration.GetValue<double?>(SampleRatioKey)
            ?? (environment.IsDevelopment() ? DevelopmentSampleRatio : DefaultSampleRatio);
        return ratio is >= 0 and <= 1
            ? ratio
            : throw new InvalidOperationException($"{SampleRatioKey} must be between 0 and 1; it is {ratio}.");
    }

    /// <summary><c>parentbased_traceidratio</c> with <paramref name="ratio"/> for traces that start here.</summary>
    public static Sampler CreateSampler(double ratio) => new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio));
}
