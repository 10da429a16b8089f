using LruAspire.Api.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LruAspire.Api.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// Adds the cache's meter and activity source to OpenTelemetry and wraps the registered
    /// <see cref="IItemStore"/> in <see cref="InstrumentedItemStore"/>. Call after <c>AddItemStore</c>.
    /// </summary>
    public static IHostApplicationBuilder AddCacheTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CacheMetrics>();
        DecorateItemStore(builder.Services);

        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(CacheMetrics.MeterName));
        // Observable instruments exist only once CacheMetrics is built; building it with the meter provider
        // puts the cache on the dashboard from the start instead of after the first miss.
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, _) => services.GetRequiredService<CacheMetrics>());
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(CacheTelemetry.Name));
        return builder;
    }

    private static void DecorateItemStore(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IItemStore))
            ?? throw new InvalidOperationException("Register the item store (AddItemStore) before AddCacheTelemetry.");
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(
            typeof(IItemStore),
            sp => new InstrumentedItemStore(CreateInner(sp, registered), sp.GetRequiredService<CacheMetrics>()),
            registered.Lifetime));
    }

    private static IItemStore CreateInner(IServiceProvider services, ServiceDescriptor registered) =>
        (IItemStore)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));
}
