using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LruAspire.FunctionalTests.Otlp;

/// <summary>
/// A minimal OTLP/HTTP collector on 127.0.0.1 (any free port): it accepts protobuf exports on
/// <c>/v1/metrics</c>, <c>/v1/traces</c> and <c>/v1/logs</c>, decodes them and keeps them for assertions.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ExportMetricsServiceRequest> _metrics = new();
    private readonly ConcurrentQueue<ExportTraceServiceRequest> _traces = new();
    private readonly ConcurrentQueue<ExportLogsServiceRequest> _logs = new();
    private WebApplication _app = null!;

    /// <summary>The base address to give an exporter as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string Endpoint { get; private set; } = null!;

    public IEnumerable<(string Scope, Metric Metric)> Metrics =>
        _metrics.SelectMany(r => r.ResourceMetrics).SelectMany(r => r.ScopeMetrics)
            .SelectMany(s => s.Metrics.Select(m => (s.Scope.Name, m)));

    public IEnumerable<(string Scope, Span Span)> Spans =>
        _traces.SelectMany(r => r.ResourceSpans).SelectMany(r => r.ScopeSpans)
            .SelectMany(s => s.Spans.Select(span => (s.Scope.Name, span)));

    public IEnumerable<(string Scope, LogRecord Log)> Logs =>
        _logs.SelectMany(r => r.ResourceLogs).SelectMany(r => r.ScopeLogs)
            .SelectMany(s => s.LogRecords.Select(log => (s.Scope.Name, log)));

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/metrics", context => ReceiveAsync(context, ExportMetricsServiceRequest.Parser, receiver._metrics));
        app.MapPost("/v1/traces", context => ReceiveAsync(context, ExportTraceServiceRequest.Parser, receiver._traces));
        app.MapPost("/v1/logs", context => ReceiveAsync(context, ExportLogsServiceRequest.Parser, receiver._logs));
        await app.StartAsync();

        receiver._app = app;
        receiver.Endpoint = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return receiver;
    }

    /// <summary>Polls until <paramref name="find"/> returns a value from what has arrived, or throws on timeout.</summary>
    public static async Task<T> WaitForAsync<T>(Func<T?> find, TimeSpan timeout, string what) where T : class
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }
            try
            {
                await Task.Delay(200, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The OTLP receiver did not get {what} within {timeout}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static async Task ReceiveAsync<T>(HttpContext context, MessageParser<T> parser, ConcurrentQueue<T> into)
        where T : IMessage<T>
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        into.Enqueue(parser.ParseFrom(body.ToArray()));
        // An empty Export*ServiceResponse: full success.
        context.Response.ContentType = "application/x-protobuf";
    }
}
