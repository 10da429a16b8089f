using LruAspire.Api.Tests.Store;
using LruAspire.Api.Store;
using System.Diagnostics.Metrics;
using LruAspire.Api.Apis;
using LruAspire.Api.Cache;
using LruAspire.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LruAspire.Api.Tests.Cache;

public sealed class CacheMeterTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly InMemoryItemStore _store = new InMemoryItemStore().With(1, "one").With(2, "two").With(3, "three");

    private IMeterFactory MeterFactory => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Requests_count_hits_and_misses_by_request_type_and_agree_with_the_metrics_endpoint()
    {
        var (service, _) = CreateService(capacity: 10);
        using var requests = Collect<long>(CacheMeter.RequestsName);

        await service.GetAsync(1, bypassCache: false, CancellationToken.None);
        await service.GetAsync(1, bypassCache: false, CancellationToken.None);
        await service.GetAsync(1, bypassCache: false, CancellationToken.None);
        requests.RecordObservableInstruments();

        Assert.Equal(2, LatestByTag(requests, CacheMeter.RequestTypeTag, "hit"));
        Assert.Equal(1, LatestByTag(requests, CacheMeter.RequestTypeTag, "miss"));
        Assert.Equal("{request}", requests.Instrument!.Unit);
        var json = MetricsApi.GetMetrics(service, new ServiceInstance(tracerProvider: null));
        Assert.Equal((json.Hits, json.Misses), (LatestByTag(requests, CacheMeter.RequestTypeTag, "hit"), LatestByTag(requests, CacheMeter.RequestTypeTag, "miss")));
    }

    [Fact]
    public async Task Hit_ratio_is_a_gauge_from_0_to_1_that_agrees_with_the_metrics_endpoint()
    {
        var (service, _) = CreateService(capacity: 10);
        using var ratio = Collect<double>(CacheMeter.HitRatioName);

        ratio.RecordObservableInstruments();
        var beforeAnyLookup = ratio.LastMeasurement!.Value;
        await service.GetAsync(1, bypassCache: false, CancellationToken.None); // miss
        await service.GetAsync(1, bypassCache: false, CancellationToken.None); // hit
        await service.GetAsync(1, bypassCache: false, CancellationToken.None); // hit
        await service.GetAsync(2, bypassCache: false, CancellationToken.None); // miss
        ratio.RecordObservableInstruments();

        Assert.Equal(0, beforeAnyLookup);
        Assert.Equal(0.5, ratio.LastMeasurement!.Value);
        Assert.IsType<ObservableGauge<double>>(ratio.Instrument);
        Assert.Equal("1", ratio.Instrument!.Unit);
        Assert.Equal(MetricsApi.GetMetrics(service, new ServiceInstance(tracerProvider: null)).HitRate, ratio.LastMeasurement!.Value);
    }

    [Fact]
    public async Task Database_queries_saved_count_hits_negative_hits_and_coalesced_loads_that_is_lookups_minus_loads()
    {
        var pausing = new PausingItemStore(_store);
        var cache = CreateCache(capacity: 10);
        _ = new CacheMeter(MeterFactory, cache);
        var service = new CacheService(cache, pausing, NullLogger<CacheService>.Instance);
        using var saved = Collect<long>(CacheMeter.DbQueriesSavedName);

        var first = service.GetAsync(1, bypassCache: false, CancellationToken.None).AsTask(); // miss: the one query for key 1
        await pausing.ReadFetched;
        var joined = service.GetAsync(1, bypassCache: false, CancellationToken.None).AsTask(); // coalesced: saved
        pausing.Release();
        Assert.Equal([CacheOutcome.Miss, CacheOutcome.Coalesced], (await Task.WhenAll(first, joined)).Select(l => l.Outcome));
        await service.GetAsync(1, bypassCache: false, CancellationToken.None);   // hit: saved
        await service.GetAsync(404, bypassCache: false, CancellationToken.None); // miss, no row: a query
        await service.GetAsync(404, bypassCache: false, CancellationToken.None); // negative hit: saved
        await service.GetAsync(1, bypassCache: true, CancellationToken.None);    // bypass: not a lookup at all
        saved.RecordObservableInstruments();

        var stats = cache.Statistics;
        Assert.Equal(3, saved.LastMeasurement!.Value);
        Assert.Equal(stats.Hits + stats.NegativeHits + stats.Misses - stats.Loads, saved.LastMeasurement!.Value);
        Assert.IsType<ObservableCounter<long>>(saved.Instrument);
        Assert.Equal("{query}", saved.Instrument!.Unit);
        Assert.Equal(3, MetricsApi.GetMetrics(service, new ServiceInstance(tracerProvider: null)).DbQueriesSaved);
    }

    [Fact]
    public async Task Dropped_reads_count_hits_the_policy_never_saw_and_agree_with_the_metrics_endpoint()
    {
        var (service, cache) = CreateService(capacity: 10);
        using var dropped = Collect<long>(CacheMeter.DroppedReadsName);

        // One thread, hits enough to fill its stripe several times over (a stripe holds 1,024 under the default
        // ThreadPool maintenance): the reader that finds its stripe full schedules a drain and drops that read, so at
        // least one of these is never applied.
        for (var i = 0; i < 10_000; i++)
        {
            await service.GetAsync(1, bypassCache: false, CancellationToken.None);
        }
        dropped.RecordObservableInstruments();

        var stats = cache.Statistics;
        Assert.InRange(dropped.LastMeasurement!.Value, 1, stats.Hits);
        Assert.Equal(stats.DroppedReads, dropped.LastMeasurement!.Value);
        Assert.Equal(stats.DroppedReads, MetricsApi.GetMetrics(service, new ServiceInstance(tracerProvider: null)).DroppedReads);
        Assert.IsType<ObservableCounter<long>>(dropped.Instrument);
        Assert.Equal("{request}", dropped.Instrument!.Unit);
    }

    [Fact]
    public async Task Bypassed_reads_are_not_cache_requests()
    {
        var (service, _) = CreateService(capacity: 10);
        using var requests = Collect<long>(CacheMeter.RequestsName);

        await service.GetAsync(1, bypassCache: true, CancellationToken.None);
        requests.RecordObservableInstruments();

        Assert.Equal(0, LatestByTag(requests, CacheMeter.RequestTypeTag, "hit"));
        Assert.Equal(0, LatestByTag(requests, CacheMeter.RequestTypeTag, "miss"));
    }

    [Fact]
    public async Task Evictions_are_counted_with_the_capacity_reason()
    {
        var (service, _) = CreateService(capacity: 2);
        using var evictions = Collect<long>(CacheMeter.EvictionsName);

        foreach (var key in new long[] { 1, 2, 3 })
        {
            await service.GetAsync(key, bypassCache: false, CancellationToken.None);
        }
        evictions.RecordObservableInstruments();

        Assert.Equal(1, LatestByTag(evictions, CacheMeter.EvictionReasonTag, "capacity"));
        Assert.Equal("{entry}", evictions.Instrument!.Unit);
    }

    [Fact]
    public async Task Entries_follow_the_cache_count_up_and_down()
    {
        var (service, cache) = CreateService(capacity: 10);
        using var entries = Collect<long>(CacheMeter.EntriesName);

        await service.GetAsync(1, bypassCache: false, CancellationToken.None);
        await service.GetAsync(2, bypassCache: false, CancellationToken.None);
        entries.RecordObservableInstruments();
        var afterTwo = entries.LastMeasurement!.Value;
        cache.Remove(1);
        entries.RecordObservableInstruments();

        Assert.Equal(2, afterTwo);
        Assert.Equal(1, entries.LastMeasurement!.Value);
        Assert.IsType<ObservableUpDownCounter<long>>(entries.Instrument);
    }

    [Fact]
    public async Task Fetch_duration_is_recorded_in_seconds_for_misses_and_bypasses_but_not_hits()
    {
        var (service, _) = CreateService(capacity: 10);
        using var fetches = Collect<double>(ItemStoreTelemetry.FetchDurationName);

        await service.GetAsync(1, bypassCache: false, CancellationToken.None); // miss → fetch
        await service.GetAsync(1, bypassCache: false, CancellationToken.None); // hit → no fetch
        await service.GetAsync(1, bypassCache: true, CancellationToken.None);  // bypass → fetch
        await service.GetAsync(404, bypassCache: false, CancellationToken.None); // miss, no row

        var measurements = fetches.GetMeasurementSnapshot();
        Assert.Equal(3, measurements.Count);
        Assert.Equal(["found", "found", "not_found"], measurements.Select(m => (string)m.Tags[ItemStoreTelemetry.FetchResultTag]!));
        Assert.All(measurements, m => Assert.InRange(m.Value, 0, 5)); // seconds: an in-memory read is far below 5 s
        var histogram = Assert.IsType<Histogram<double>>(fetches.Instrument);
        Assert.Equal("s", histogram.Unit);
        Assert.Contains(0.001, histogram.Advice!.HistogramBucketBoundaries!);
    }

    [Fact]
    public async Task A_failing_fetch_is_recorded_as_an_error_and_still_throws()
    {
        var store = new InstrumentedItemStore(new UnreachableItemStore(), new ItemStoreTelemetry(MeterFactory));
        using var fetches = Collect<double>(ItemStoreTelemetry.FetchDurationName);

        await Assert.ThrowsAsync<TimeoutException>(() => store.GetAsync(1, CancellationToken.None));

        Assert.Equal("error", fetches.LastMeasurement!.Tags[ItemStoreTelemetry.FetchResultTag]);
    }

    private (CacheService Service, LruCache<long, CachedItem> Cache) CreateService(int capacity)
    {
        var cache = CreateCache(capacity);
        _ = new CacheMeter(MeterFactory, cache); // creates the cache's observable instruments on MeterFactory
        return (new CacheService(cache, new InstrumentedItemStore(_store, new ItemStoreTelemetry(MeterFactory)), NullLogger<CacheService>.Instance), cache);
    }

    private static LruCache<long, CachedItem> CreateCache(int capacity) =>
        new(new LruCacheOptions { Capacity = capacity }, TimeProvider.System, CachedItem.SizeOf);

    private MetricCollector<T> Collect<T>(string instrumentName) where T : struct =>
        new(MeterFactory, CacheMeter.MeterName, instrumentName);

    private static long LatestByTag(MetricCollector<long> collector, string tag, string value) =>
        collector.GetMeasurementSnapshot().Last(m => Equals(m.Tags[tag], value)).Value;
}
