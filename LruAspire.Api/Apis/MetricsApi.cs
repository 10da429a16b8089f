using LruAspire.Api.Services;

namespace LruAspire.Api.Apis;

public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", GetMetrics).WithTags("Metrics").WithName("GetCacheMetrics");
        return app;
    }

    /// <summary>The seed's <c>GET /metrics</c>: cache counters as JSON.</summary>
    public static CacheMetricsResponse GetMetrics(CacheService cacheService)
    {
        var stats = cacheService.Statistics;
        return new CacheMetricsResponse(stats.Hits, stats.Misses, Math.Round(stats.HitRate, 4), stats.Evictions, stats.Count, stats.Capacity);
    }
}

/// <summary>The body of <c>GET /metrics</c>.</summary>
public sealed record CacheMetricsResponse(
    long Hits,
    long Misses,
    double HitRate,
    long Evictions,
    int Count,
    int Capacity);
