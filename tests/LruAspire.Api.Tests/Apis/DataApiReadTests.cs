using LruAspire.Api.Tests;
using System.Net;
using LruAspire.Api.Apis;

namespace LruAspire.Api.Tests.Apis;

public sealed class DataApiReadTests : IAsyncLifetime
{
    private ApiFactory _host = null!;

    public async Task InitializeAsync()
    {
        _host = ApiFactory.Start();
        (await _host.Client.GetAsync("/data/1")).Dispose();  // cache key 1
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(null, "HIT")]
    [InlineData("no-cache", "BYPASS")]
    [InlineData("max-age=0, no-cache", "BYPASS")]
    [InlineData("NO-CACHE", "BYPASS")]
    [InlineData("max-age=0", "HIT")]
    [InlineData("no-store", "HIT")]
    [InlineData("no-cache=\"\"\", max-age=-1, ,,", "HIT")]
    public async Task Only_a_valid_no_cache_directive_bypasses_the_cache(string? cacheControl, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/data/1");
        if (cacheControl is not null)
        {
            request.Headers.TryAddWithoutValidation("Cache-Control", cacheControl);
        }

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Assert.Single(response.Headers.GetValues(DataApi.CacheHeader)));
    }

    [Fact]
    public async Task A_bypass_reads_the_store_and_leaves_the_cached_value_in_place()
    {
        _host.Store.With(1, "changed-behind-the-cache");

        using var bypass = new HttpRequestMessage(HttpMethod.Get, "/data/1") { Headers = { { "Cache-Control", "no-cache" } } };
        var fromStore = await (await _host.Client.SendAsync(bypass)).Content.ReadAsStringAsync();
        var fromCache = await _host.Client.GetStringAsync("/data/1");

        Assert.Contains("changed-behind-the-cache", fromStore, StringComparison.Ordinal);
        Assert.Contains("value-1", fromCache, StringComparison.Ordinal);
    }
}
