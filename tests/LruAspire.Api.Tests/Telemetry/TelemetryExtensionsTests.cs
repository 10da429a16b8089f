using LruAspire.Api.Infrastructure;
using LruAspire.Api.Services;
using LruAspire.Api.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LruAspire.Api.Tests.Telemetry;

public class TelemetryExtensionsTests
{
    [Fact]
    public void The_registered_item_store_is_wrapped_in_the_instrumented_one()
    {
        var builder = Host.CreateApplicationBuilder();
        // Never opened: resolving the store only builds the data source.
        builder.Configuration["ConnectionStrings:lrudb"] = "Host=127.0.0.1;Port=1;Username=test;Password=test;Database=test";
        builder.AddItemStore("lrudb");
        builder.AddCacheService();
        builder.AddCacheTelemetry();

        using var host = builder.Build();

        Assert.IsType<InstrumentedItemStore>(host.Services.GetRequiredService<IItemStore>());
        Assert.NotNull(host.Services.GetRequiredService<CacheService>());
    }

    [Fact]
    public void Telemetry_without_an_item_store_fails_fast_with_a_clear_message()
    {
        var builder = Host.CreateApplicationBuilder();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddCacheTelemetry());

        Assert.Contains("AddItemStore", error.Message);
    }
}
