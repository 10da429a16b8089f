using System.Net.Http.Json;
using System.Text.Json;
using LruAspire.FunctionalTests.Otlp;

namespace LruAspire.FunctionalTests;

/// <summary>What the API's OpenTelemetry exporter sends over OTLP, decoded: the proof that the dashboard
/// (which is an OTLP receiver too) gets the cache's meter, spans and logs.</summary>
[Collection(TelemetryAppCollection.Name)]
public class TelemetryExportTests(TelemetryAppFixture fixture)
{
    private const string CacheScope = "LruAspire.Cache";
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(30);

    private OtlpReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task Cache_requests_arrive_with_the_scenarios_one_miss_and_two_hits()
    {
        Assert.Equal(["MISS", "HIT", "HIT"], fixture.ScenarioOutcomes);

        var requests = await WaitForCacheMetricAsync("cache.requests");

        Assert.Equal(Metric.DataOneofCase.Sum, requests.DataCase);
        Assert.True(requests.Sum.IsMonotonic);
        Assert.Equal("{request}", requests.Unit);
        Assert.Equal(2, SumPoint(requests, "cache.request.type", "hit").AsInt);
        Assert.Equal(1, SumPoint(requests, "cache.request.type", "miss").AsInt);
    }

    [Fact]
    public async Task Entries_evictions_and_fetch_duration_arrive_with_the_scenarios_values()
    {
        var entries = await WaitForCacheMetricAsync("cache.entries");
        var evictions = await WaitForCacheMetricAsync("cache.evictions");
        var fetchDuration = await WaitForCacheMetricAsync("cache.fetch.duration");

        Assert.Equal(1, Assert.Single(entries.Sum.DataPoints).AsInt);
        Assert.False(entries.Sum.IsMonotonic);
        Assert.Equal(0, SumPoint(evictions, "cache.eviction.reason", "capacity").AsInt);
        var fetch = Assert.Single(fetchDuration.Histogram.DataPoints);
        Assert.Equal("s", fetchDuration.Unit);
        Assert.Equal("found", fetch.Attributes.Get("cache.fetch.result"));
        Assert.Equal(1UL, fetch.Count);
        Assert.InRange(fetch.Sum, 0, 10);
        Assert.Contains(0.001, fetch.ExplicitBounds);
    }

    [Fact]
    public async Task The_metrics_endpoint_agrees_with_the_exported_meter()
    {
        var requests = await WaitForCacheMetricAsync("cache.requests");
        var entries = await WaitForCacheMetricAsync("cache.entries");
        var json = await fixture.Api.GetFromJsonAsync<JsonElement>("/metrics");

        Assert.Equal(json.GetProperty("hits").GetInt64(), SumPoint(requests, "cache.request.type", "hit").AsInt);
        Assert.Equal(json.GetProperty("misses").GetInt64(), SumPoint(requests, "cache.request.type", "miss").AsInt);
        Assert.Equal(json.GetProperty("count").GetInt32(), Assert.Single(entries.Sum.DataPoints).AsInt);
    }

    [Fact]
    public async Task Npgsql_metrics_are_exported_through_Aspire_Npgsql()
    {
        var npgsql = await OtlpReceiver.WaitForAsync(
            () => Receiver.Metrics.Where(m => m.Scope == "Npgsql").Select(m => m.Metric).FirstOrDefault(), ExportTimeout, "Npgsql metrics");

        Assert.StartsWith("db.client.", npgsql.Name);
    }

    [Fact]
    public async Task A_miss_is_traced_from_the_request_through_the_cache_and_the_item_store_to_Npgsql()
    {
        // Spans arrive in batches as they end; wait for the whole miss trace, not just its first span.
        var lookups = await OtlpReceiver.WaitForAsync(
            () => CacheLookups() is { Count: 3 } found && TraceOf(found[0]).Count >= 4 ? found : null,
            ExportTimeout, "the scenario's three cache.lookup spans and the miss's whole trace");

        Assert.Equal(["miss", "hit", "hit"], lookups.Select(s => s.Attributes.Get("cache.result")));
        var miss = lookups[0];
        var spans = TraceOf(miss);
        var request = Assert.Single(spans, s => s.Span.SpanId == miss.ParentSpanId);
        Assert.Equal("Microsoft.AspNetCore", request.Scope);
        var fetch = Assert.Single(spans, s => s.Span.Name == "item_store.fetch").Span;
        Assert.Equal(miss.SpanId, fetch.ParentSpanId);
        Assert.Equal("found", fetch.Attributes.Get("cache.fetch.result"));
        var database = Assert.Single(spans, s => s.Scope == "Npgsql").Span;
        Assert.Equal(fetch.SpanId, database.ParentSpanId);
        Assert.DoesNotContain(TraceOf(lookups[1]), s => s.Span.Name == "item_store.fetch");
    }

    [Fact]
    public async Task Per_request_logs_arrive_structured_with_the_key_and_the_trace()
    {
        // Three requests: API REQUEST ×3, CACHE MISS, DB FETCH, CACHE HIT ×2.
        var logs = await OtlpReceiver.WaitForAsync(
            () => ScenarioLogs() is { Count: >= 7 } found ? found : null, ExportTimeout, "the scenario's seven log records");
        var lookups = await OtlpReceiver.WaitForAsync(() => CacheLookups() is { Count: 3 } found ? found : null, ExportTimeout, "the lookup spans");

        var key = TelemetryAppFixture.ScenarioKey;
        Assert.Equal(
            [$"API REQUEST for key: {key}", $"API REQUEST for key: {key}", $"API REQUEST for key: {key}", $"CACHE HIT {key}", $"CACHE HIT {key}", $"CACHE MISS {key}", $"DB FETCH {key}"],
            logs.Select(l => l.Body.StringValue).Order(StringComparer.Ordinal));
        Assert.All(logs, l => Assert.Equal("Debug", l.SeverityText));
        var miss = Assert.Single(logs, l => l.Body.StringValue.StartsWith("CACHE MISS", StringComparison.Ordinal));
        Assert.Equal(lookups[0].TraceId, miss.TraceId);
    }

    private List<(string Scope, Span Span)> TraceOf(Span span) => [.. Receiver.Spans.Where(s => s.Span.TraceId == span.TraceId)];

    private List<Span> CacheLookups() =>
        [.. Receiver.Spans
            .Where(s => s.Scope == CacheScope && s.Span.Name == "cache.lookup"
                && Equals(s.Span.Attributes.Get("cache.key"), TelemetryAppFixture.ScenarioKey))
            .Select(s => s.Span)];

    private List<LogRecord> ScenarioLogs() =>
        [.. Receiver.Logs.Select(l => l.Log).Where(l => Equals(l.Attributes.Get("Key"), TelemetryAppFixture.ScenarioKey))];

    /// <summary>The cache instrument from the first export made after the scenario: the sums are cumulative,
    /// so it holds the scenario's totals.</summary>
    private Task<Metric> WaitForCacheMetricAsync(string name)
    {
        var after = (ulong)(fixture.ScenarioDone.ToUnixTimeMilliseconds() * 1_000_000);
        return OtlpReceiver.WaitForAsync(
            () => Receiver.Metrics
                .Where(m => m.Scope == CacheScope && m.Metric.Name == name && PointTimes(m.Metric).All(t => t > after))
                .Select(m => m.Metric)
                .FirstOrDefault(),
            ExportTimeout,
            $"{name} exported after the scenario");
    }

    private static IEnumerable<ulong> PointTimes(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(p => p.TimeUnixNano),
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(p => p.TimeUnixNano),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(p => p.TimeUnixNano),
        _ => [],
    };

    private static NumberDataPoint SumPoint(Metric metric, string tag, string value) =>
        Assert.Single(metric.Sum.DataPoints, p => Equals(p.Attributes.Get(tag), value));
}
