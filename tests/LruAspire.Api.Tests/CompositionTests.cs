using LruAspire.Api.Cache;
using LruAspire.Api.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LruAspire.Api.Tests;

public class CompositionTests
{
    [Fact]
    public void The_composition_root_puts_the_instrumented_resilient_store_under_the_cache_service()
    {
        var builder = WebApplication.CreateBuilder();
        // Never opened: resolving the store only builds the data source.
        builder.Configuration["ConnectionStrings:lrudb"] = "Host=127.0.0.1;Port=1;Username=test;Password=test;Database=test";
        builder.AddApplicationServices();

        using var app = builder.Build();

        Assert.IsType<InstrumentedItemStore>(app.Services.GetRequiredService<IItemStore>());
        Assert.NotNull(app.Services.GetRequiredService<CacheService>());
    }
}
