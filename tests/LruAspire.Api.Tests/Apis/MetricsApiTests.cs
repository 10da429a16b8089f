using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace LruAspire.Api.Tests.Apis;

public sealed class MetricsApiTests
{
    [Fact]
    public async Task The_metrics_name_the_replica_that_answered_and_the_queries_it_saved()
    {
        await using var factory = new ApiFactory(ApiFactory.WriteKey).WithWebHostBuilder(web => web
            .UseSetting("OTEL_SERVICE_NAME", "api")
            .UseSetting("OTEL_RESOURCE_ATTRIBUTES", "service.instance.id=xkwjhzpa"));
        using var client = factory.CreateClient();
        (await client.GetAsync("/data/1")).Dispose(); // miss
        (await client.GetAsync("/data/1")).Dispose(); // hit

        var metrics = await client.GetFromJsonAsync<JsonElement>("/metrics");

        Assert.Equal("api-xkwjhzpa", metrics.GetProperty("instance").GetString());
        Assert.Equal(1, metrics.GetProperty("db_queries_saved").GetInt64());
        Assert.Equal(0.5, metrics.GetProperty("hit_rate").GetDouble());
        Assert.Equal("TinyLfu", metrics.GetProperty("policy").GetString()); // the API's default
    }

    [Theory]
    [InlineData("TinyLfu")]
    [InlineData("Lru")]
    public async Task The_metrics_name_the_eviction_policy_in_use(string expected)
    {
        await using var factory = new ApiFactory(ApiFactory.WriteKey).WithWebHostBuilder(web => web.UseSetting("Cache:Policy", expected));
        using var client = factory.CreateClient();

        var metrics = await client.GetFromJsonAsync<JsonElement>("/metrics");

        Assert.Equal(expected, metrics.GetProperty("policy").GetString());
    }
}
