using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry.Trace;

namespace LruAspire.Api.Tests.ServiceDefaults;

/// <summary>
/// Debug logs follow the trace sampling decision, through the logging pipeline <c>AddServiceDefaults</c> builds
/// (the sampler runs in the logger factory, before every provider: console, OpenTelemetry, and here a fake).
/// </summary>
public sealed class TracedDebugLogSamplerTests : IDisposable
{
    private readonly string _sourceName = $"TracedDebugLogSamplerTests.{Guid.NewGuid():N}";
    private readonly IHost _host;
    private readonly ActivitySource _source;
    private readonly ILogger _logger;

    public TracedDebugLogSamplerTests()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Development,
            ApplicationName = _sourceName,
            DisableDefaults = true,
        });
        builder.AddServiceDefaults();
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging();
        _host = builder.Build();
        _ = _host.Services.GetRequiredService<TracerProvider>();
        _source = new ActivitySource(_sourceName);
        _logger = _host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LruAspire.Api.Cache.CacheService");
    }

    private FakeLogCollector Logs => _host.Services.GetFakeLogCollector();

    public void Dispose()
    {
        _source.Dispose();
        _host.Dispose();
    }

    [Fact]
    public void Debug_lines_of_a_recorded_trace_are_written()
    {
        using (var request = _source.StartActivity("request", ActivityKind.Server, RemoteParent(ActivityTraceFlags.Recorded)))
        {
            Assert.True(request!.Recorded);
            _logger.LogDebug("CACHE MISS 1");
        }

        Assert.Equal(["CACHE MISS 1"], Logs.GetSnapshot().Select(r => r.Message));
    }

    [Fact]
    public void Debug_lines_of_an_unrecorded_trace_are_dropped_but_warnings_are_kept()
    {
        using (var request = _source.StartActivity("request", ActivityKind.Server, RemoteParent(ActivityTraceFlags.None)))
        {
            Assert.False(request!.Recorded);
            _logger.LogDebug("CACHE HIT 1");
            _logger.LogWarning("Item store unavailable");
        }

        Assert.Equal(["Item store unavailable"], Logs.GetSnapshot().Select(r => r.Message));
    }

    [Fact]
    public void Debug_lines_outside_any_trace_are_written()
    {
        Assert.Null(Activity.Current);

        _logger.LogDebug("Schema check");

        Assert.Equal(["Schema check"], Logs.GetSnapshot().Select(r => r.Message));
    }

    private static ActivityContext RemoteParent(ActivityTraceFlags flags) =>
        new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), flags, isRemote: true);
}
