using System.Diagnostics;
using LruAspire.Api.Infrastructure;

namespace LruAspire.Api.Telemetry;

/// <summary>
/// Wraps the real item store with an <c>item_store.fetch</c> span and the <c>cache.fetch.duration</c>
/// histogram, so the cache service and the store stay free of telemetry code. Only misses and bypasses get
/// here, which already pay for a database round trip.
/// </summary>
public sealed class InstrumentedItemStore(IItemStore inner, CacheMetrics metrics) : IItemStore
{
    public async Task<Item?> GetAsync(long key, CancellationToken cancellationToken)
    {
        using var activity = CacheTelemetry.ActivitySource.StartActivity(CacheTelemetry.FetchActivityName);
        activity?.SetTag(CacheTelemetry.KeyTag, key);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var item = await inner.GetAsync(key, cancellationToken);
            var result = item is null ? "not_found" : "found";
            metrics.RecordFetch(Stopwatch.GetElapsedTime(started), result);
            activity?.SetTag(CacheTelemetry.FetchResultTag, result);
            return item;
        }
        catch (Exception exception)
        {
            metrics.RecordFetch(Stopwatch.GetElapsedTime(started), "error");
            activity?.SetTag(CacheTelemetry.FetchResultTag, "error");
            activity?.AddException(exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    public async Task<bool> UpsertAsync(Item item, CancellationToken cancellationToken)
    {
        using var activity = StartWrite("upsert", item.Key);
        return await inner.UpsertAsync(item, cancellationToken);
    }

    public async Task<bool> DeleteAsync(long key, CancellationToken cancellationToken)
    {
        using var activity = StartWrite("delete", key);
        return await inner.DeleteAsync(key, cancellationToken);
    }

    private static Activity? StartWrite(string operation, long key)
    {
        var activity = CacheTelemetry.ActivitySource.StartActivity(CacheTelemetry.WriteActivityName);
        activity?.SetTag(CacheTelemetry.KeyTag, key);
        activity?.SetTag(CacheTelemetry.WriteOperationTag, operation);
        return activity;
    }
}
