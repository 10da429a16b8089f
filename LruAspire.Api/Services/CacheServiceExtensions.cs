using LruAspire.Caching;

namespace LruAspire.Api.Services;

public static class CacheServiceExtensions
{
    /// <summary>Registers the LRU (bound to the <c>Cache</c> configuration section) and the cache service.</summary>
    public static IHostApplicationBuilder AddCacheService(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLruCache<long, byte[]>(static json => json.Length);
        builder.Services.AddOptions<LruCacheOptions>().BindConfiguration("Cache");
        builder.Services.AddSingleton<CacheService>();
        return builder;
    }
}
