using System.Diagnostics.Metrics;

namespace LruAspire.Api.Cache;

/// <summary>
/// Counters of the cross-instance invalidation listener, on the meter <c>LruAspire.Invalidation</c> (exported by
/// ServiceDefaults with the other <c>LruAspire.*</c> meters, so each replica shows its own on the dashboard).
/// </summary>
public sealed class ItemInvalidationMeter
{
    public const string MeterName = "LruAspire.Invalidation";

    private readonly Counter<long> _notifications;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _flushes;

    public ItemInvalidationMeter(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _notifications = meter.CreateCounter<long>(
            "lruaspire.invalidation.notifications", "{notification}", "Item change notifications received from PostgreSQL.");
        _reconnects = meter.CreateCounter<long>(
            "lruaspire.invalidation.reconnects", "{connection}", "Times the listener connection was re-established after it dropped.");
        _flushes = meter.CreateCounter<long>(
            "lruaspire.invalidation.flushes", "{flush}", "Whole-cache clears because notifications may have been missed.");
    }

    public void NotificationReceived() => _notifications.Add(1);

    public void Reconnected() => _reconnects.Add(1);

    public void Flushed() => _flushes.Add(1);
}
