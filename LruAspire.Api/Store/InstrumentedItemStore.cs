using System.Diagnostics;

namespace LruAspire.Api.Store;

/// <summary>
/// Wraps the real item store with an <c>item_store.fetch</c> span and the <c>cache.fetch.duration</c>
/// histogram (<see cref="ItemStoreTelemetry"/>), so the PostgreSQL store stays free of telemetry code. Only misses and bypasses get
/// here, which already pay for a database round trip.
/// </summary>
public sealed class InstrumentedItemStore(IItemStore inner, ItemStoreTelemetry telemetry) : IItemStore
{
    public async Task<Item?> GetAsync(long key, CancellationToken cancellationToken)
    {
        using var activity = ItemStoreTelemetry.ActivitySource.StartActivity(ItemStoreTelemetry.FetchActivityName);
        activity?.SetTag(ItemStoreTelemetry.KeyTag, key);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var item = await inner.GetAsync(key, cancellationToken);
            var result = item is null ? "not_found" : "found";
            telemetry.RecordFetch(Stopwatch.GetElapsedTime(started), result);
            activity?.SetTag(ItemStoreTelemetry.FetchResultTag, result);
            return item;
        }
        catch (Exception exception)
        {
            telemetry.RecordFetch(Stopwatch.GetElapsedTime(started), "error");
            activity?.SetTag(ItemStoreTelemetry.FetchResultTag, "error");
            activity?.AddException(exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    public async Task<WriteResult> UpsertAsync(long key, string value, ItemPrecondition precondition, CancellationToken cancellationToken)
    {
        using var activity = StartWrite("upsert", key);
        return Complete(activity, await inner.UpsertAsync(key, value, precondition, cancellationToken));
    }

    public async Task<WriteResult> DeleteAsync(long key, ItemPrecondition precondition, CancellationToken cancellationToken)
    {
        using var activity = StartWrite("delete", key);
        return Complete(activity, await inner.DeleteAsync(key, precondition, cancellationToken));
    }

    private static WriteResult Complete(Activity? activity, WriteResult result)
    {
        activity?.SetTag(ItemStoreTelemetry.WriteStatusTag, ItemStoreTelemetry.StatusTagValue(result.Status));
        return result;
    }

    private static Activity? StartWrite(string operation, long key)
    {
        var activity = ItemStoreTelemetry.ActivitySource.StartActivity(ItemStoreTelemetry.WriteActivityName);
        activity?.SetTag(ItemStoreTelemetry.KeyTag, key);
        activity?.SetTag(ItemStoreTelemetry.WriteOperationTag, operation);
        return activity;
    }
}
