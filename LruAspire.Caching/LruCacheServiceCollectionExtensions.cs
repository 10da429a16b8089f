using LruAspire.Caching;
using LruAspire.Caching.Distributed;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the engine in a service collection, with its options validated when the host starts.</summary>
public static class LruCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="ILruCache{TKey, TValue}"/> singleton built from <see cref="LruCacheOptions"/>
    /// (bind them with <c>AddOptions&lt;LruCacheOptions&gt;().BindConfiguration(...)</c>), so a bad capacity stops
    /// the app at startup with a clear message.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="sizeOf">The size of a value in bytes; required when <see cref="LruCacheOptions.MaxBytes"/> is set.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddLruCache<TKey, TValue>(this IServiceCollection services, Func<TValue, long>? sizeOf = null)
        where TKey : notnull
    {
        services.AddOptions<LruCacheOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILruCache<TKey, TValue>>(sp =>
            new LruCache<TKey, TValue>(sp.GetRequiredService<IOptions<LruCacheOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sizeOf));
        return services;
    }

    /// <summary>
    /// Registers the engine as the process's <see cref="IDistributedCache"/> and <see cref="IBufferDistributedCache"/>
    /// (<see cref="LruDistributedCache"/>: string keys, byte-array values sized by their length).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options in code, after any bound configuration.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddLruDistributedCache(this IServiceCollection services, Action<LruCacheOptions>? configure = null)
    {
        var options = services.AddOptions<LruCacheOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LruDistributedCache>();
        services.TryAddSingleton<IBufferDistributedCache>(sp => sp.GetRequiredService<LruDistributedCache>());
        services.TryAddSingleton<IDistributedCache>(sp => sp.GetRequiredService<LruDistributedCache>());
        return services;
    }
}
