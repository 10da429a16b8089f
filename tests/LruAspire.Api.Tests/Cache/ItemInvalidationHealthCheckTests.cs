using LruAspire.Api.Cache;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LruAspire.Api.Tests.Cache;

public class ItemInvalidationHealthCheckTests
{
    [Theory]
    [InlineData(CoherenceState.Listening, HealthStatus.Healthy, "Receiving")]
    [InlineData(CoherenceState.BlindKeepingCache, HealthStatus.Degraded, "cached values are served")]
    [InlineData(CoherenceState.BlindBypassingCache, HealthStatus.Degraded, "reads bypass it")]
    public async Task Only_a_listening_replica_is_healthy_and_a_blind_one_says_what_its_cache_does(CoherenceState state, HealthStatus status, string says)
    {
        var check = new ItemInvalidationHealthCheck(new CacheCoherence { State = state });

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(status, result.Status);
        Assert.Contains(says, result.Description);
    }
}
