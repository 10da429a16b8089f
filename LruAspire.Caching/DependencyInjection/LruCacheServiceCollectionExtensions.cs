using LruAspire.Caching;
using LruAspire.Caching.Distributed;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class LruCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers the LRU as the process's <see cref="IDistributedCache"/> (and <see cref="ILruDistributedCache"/>),
    /// with options validated when the host starts so a bad capacity stops the app with a clear message.
    /// </summary>
    public static IServiceCollection AddLruCache(this IServiceCollection services, Action<LruCacheOptions>? configure = null)
    {
        var options = services.AddOptions<LruCacheOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LruDistributedCache>();
        services.TryAddSingleton<ILruDistributedCache>(sp => sp.GetRequiredService<LruDistributedCache>());
        services.TryAddSingleton<IBufferDistributedCache>(sp => sp.GetRequiredService<LruDistributedCache>());
        services.TryAddSingleton<IDistributedCache>(sp => sp.GetRequiredService<LruDistributedCache>());
        return services;
    }
}
