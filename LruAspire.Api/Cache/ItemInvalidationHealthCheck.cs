using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LruAspire.Api.Cache;

/// <summary>
/// Degraded while the invalidation listener is disconnected: reads still work, but this instance may serve
/// values another instance has already changed.
/// </summary>
public sealed class ItemInvalidationHealthCheck(ItemInvalidationListener listener) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(listener.IsConnected
            ? HealthCheckResult.Healthy("Receiving item change notifications.")
            : HealthCheckResult.Degraded("Not receiving item change notifications; cached values may be stale until it reconnects."));
}
