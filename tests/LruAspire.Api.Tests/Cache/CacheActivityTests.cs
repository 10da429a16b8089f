using LruAspire.Api.Tests.Store;
using LruAspire.Api.Store;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using LruAspire.Api.Cache;
using LruAspire.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LruAspire.Api.Tests.Cache;

public sealed class CacheActivityTests : IDisposable
{
    private const string TestSourceName = "LruAspire.Api.Tests.Telemetry";
    private static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly CacheService _service;

    public CacheActivityTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ItemStoreTelemetry.Name or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);

        var cache = new LruCache<long, CachedItem>(new LruCacheOptions { Capacity = 10 }, TimeProvider.System, CachedItem.SizeOf);
        var store = new InstrumentedItemStore(new InMemoryItemStore().With(1, "one"), new ItemStoreTelemetry(_services.GetRequiredService<IMeterFactory>()));
        _service = new CacheService(cache, store, NullLogger<CacheService>.Instance);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task A_miss_has_a_lookup_span_with_a_fetch_span_under_it()
    {
        var spans = await TraceAsync(() => _service.GetAsync(1, bypassCache: false, CancellationToken.None).AsTask());

        var lookup = Assert.Single(spans, s => s.OperationName == CacheTelemetry.LookupActivityName);
        var fetch = Assert.Single(spans, s => s.OperationName == ItemStoreTelemetry.FetchActivityName);
        Assert.Equal("miss", lookup.GetTagItem(CacheTelemetry.ResultTag));
        Assert.Equal(1L, lookup.GetTagItem(ItemStoreTelemetry.KeyTag));
        Assert.Equal(lookup.SpanId, fetch.ParentSpanId);
        Assert.Equal(1L, fetch.GetTagItem(ItemStoreTelemetry.KeyTag));
        Assert.Equal("found", fetch.GetTagItem(ItemStoreTelemetry.FetchResultTag));
    }

    [Fact]
    public async Task A_hit_has_only_the_lookup_span()
    {
        await _service.GetAsync(1, bypassCache: false, CancellationToken.None);

        var spans = await TraceAsync(() => _service.GetAsync(1, bypassCache: false, CancellationToken.None).AsTask());

        var lookup = Assert.Single(spans);
        Assert.Equal(CacheTelemetry.LookupActivityName, lookup.OperationName);
        Assert.Equal("hit", lookup.GetTagItem(CacheTelemetry.ResultTag));
    }

    [Fact]
    public async Task A_bypass_is_tagged_bypass_and_fetches()
    {
        var spans = await TraceAsync(() => _service.GetAsync(1, bypassCache: true, CancellationToken.None).AsTask());

        Assert.Equal("bypass", Assert.Single(spans, s => s.OperationName == CacheTelemetry.LookupActivityName).GetTagItem(CacheTelemetry.ResultTag));
        Assert.Single(spans, s => s.OperationName == ItemStoreTelemetry.FetchActivityName);
    }

    [Fact]
    public async Task A_failed_fetch_marks_its_span_as_an_error()
    {
        var store = new InstrumentedItemStore(new UnreachableItemStore(), new ItemStoreTelemetry(_services.GetRequiredService<IMeterFactory>()));

        var spans = await TraceAsync(() => Assert.ThrowsAsync<TimeoutException>(() => store.GetAsync(7, CancellationToken.None)));

        var fetch = Assert.Single(spans);
        Assert.Equal(ActivityStatusCode.Error, fetch.Status);
        Assert.Equal("error", fetch.GetTagItem(ItemStoreTelemetry.FetchResultTag));
        Assert.Contains(fetch.Events, e => e.Name == "exception");
    }

    /// <summary>Runs the action under a test span and returns the cache spans of that trace only, since other
    /// tests may run in parallel.</summary>
    private async Task<List<Activity>> TraceAsync(Func<Task> action)
    {
        ActivityTraceId traceId;
        using (var root = TestSource.StartActivity("test"))
        {
            traceId = root!.TraceId;
            await action();
        }
        return [.. _stopped.Where(a => a.TraceId == traceId && a.Source.Name == ItemStoreTelemetry.Name)];
    }
}
