using LruAspire.Caching;

namespace LruAspire.Api.Services;

public static class CacheServiceExtensions
{
    /// <summary>Registers the LRU (bound to the <c>Cache</c> configuration section) and the cache service.</summary>
    public static IHostApplicationBuilder AddCacheService(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLruCache();
        builder.Services.AddOptions<LruCacheOptions>().BindConfiguration(LruCacheOptions.SectionName);
        builder.Services.AddSingleton<CacheService>();
        return builder;
    }
}
