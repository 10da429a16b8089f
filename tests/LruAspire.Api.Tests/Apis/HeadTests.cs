using System.Net;
using LruAspire.Api.Apis;

namespace LruAspire.Api.Tests.Apis;

/// <summary>HEAD wherever there is a GET (RFC 9110 §9.3.2): the same status and headers, no body.</summary>
public sealed class HeadTests : IAsyncLifetime
{
    private ApiFactory _host = null!;

    public async Task InitializeAsync()
    {
        _host = ApiFactory.Start();
        (await _host.Client.GetAsync("/data/1")).Dispose(); // cache key 1, so GET and HEAD both hit
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/data/1")]
    [InlineData("/metrics")]
    public async Task Head_answers_the_headers_of_get_without_the_body(string path)
    {
        using var get = await _host.Client.GetAsync(path);
        using var head = await _host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        var getBody = await get.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(getBody.Length, get.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(Header(get, "ETag"), Header(head, "ETag"));
        Assert.Equal(Header(get, "Cache-Control"), Header(head, "Cache-Control"));
        Assert.Equal(Header(get, DataApi.CacheHeader), Header(head, DataApi.CacheHeader));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_of_an_item_has_its_tag_and_x_cache_and_can_be_revalidated()
    {
        using var head = await _host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/data/1"));
        using var revalidation = new HttpRequestMessage(HttpMethod.Head, "/data/1");
        revalidation.Headers.TryAddWithoutValidation("If-None-Match", Header(head, "ETag"));

        using var notModified = await _host.Client.SendAsync(revalidation);

        Assert.Equal("HIT", Header(head, DataApi.CacheHeader));
        Assert.Equal($"\"{_host.Store.VersionOf(1)}\"", Header(head, "ETag"));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("/data/abc", HttpStatusCode.BadRequest)]
    [InlineData("/data/987654", HttpStatusCode.NotFound)]
    [InlineData("/alive", HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/docs/", HttpStatusCode.OK)]
    public async Task Head_gets_the_status_get_gets(string path, HttpStatusCode expected)
    {
        using var get = await _host.Client.GetAsync(path);
        using var head = await _host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(expected, get.StatusCode);
        Assert.Equal(expected, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
