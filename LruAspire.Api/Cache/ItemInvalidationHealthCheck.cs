using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LruAspire.Api.Cache;

/// <summary>
/// Degraded while the invalidation listener is blind (disconnected, or its keepalive went unanswered): reads still
/// work, either from a cache nobody can make stale (the database is down too) or straight from the database.
/// </summary>
public sealed class ItemInvalidationHealthCheck(CacheCoherence coherence) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(coherence.State switch
        {
            CoherenceState.Listening => HealthCheckResult.Healthy("Receiving item change notifications."),
            CoherenceState.BlindBypassingCache => HealthCheckResult.Degraded(
                "Not receiving item change notifications while the database answers; the cache was cleared and reads bypass it until the listener reconnects."),
            _ => HealthCheckResult.Degraded(
                "Not receiving item change notifications and the database does not answer this replica; cached values are served until it reconnects."),
        });
}
