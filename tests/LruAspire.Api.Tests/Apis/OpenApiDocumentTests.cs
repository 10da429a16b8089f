using System.Net.Http.Json;
using System.Text.Json;
using LruAspire.Api.Apis;

namespace LruAspire.Api.Tests.Apis;

/// <summary>The OpenAPI document describes the validators, the conditional headers and their 304/412 answers.</summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private ApiFactory _host = null!;
    private JsonElement _paths;

    public async Task InitializeAsync()
    {
        _host = ApiFactory.Start();
        _paths = (await _host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void The_read_documents_its_validators_revalidation_and_precondition()
    {
        var get = _paths.GetProperty("/data/{key}").GetProperty("get");

        Assert.Equal(["200", "304", "400", "404", "412", "503"], get.GetProperty("responses").EnumerateObject().Select(r => r.Name));
        foreach (var status in new[] { "200", "304" })
        {
            var headers = get.GetProperty("responses").GetProperty(status).GetProperty("headers");
            Assert.All(new[] { "ETag", "Cache-Control", DataApi.CacheHeader }, name => Assert.True(headers.TryGetProperty(name, out _), $"{status} {name}"));
        }
        Assert.Superset(new HashSet<string> { "If-None-Match", "If-Match", "Cache-Control" }, HeaderParameters(get));
    }

    [Fact]
    public void Writes_document_if_match_if_none_match_their_412_and_the_new_tag()
    {
        var put = _paths.GetProperty("/data/{key}").GetProperty("put");
        var delete = _paths.GetProperty("/data/{key}").GetProperty("delete");

        Assert.Superset(new HashSet<string> { "If-Match", "If-None-Match", WriteKeyFilter.HeaderName }, HeaderParameters(put));
        Assert.Contains("If-Match", HeaderParameters(delete));
        Assert.True(put.GetProperty("responses").TryGetProperty("412", out _));
        Assert.True(put.GetProperty("responses").TryGetProperty("504", out _)); // a write whose outcome is unknown
        Assert.True(delete.GetProperty("responses").TryGetProperty("412", out _));
        Assert.True(put.GetProperty("responses").GetProperty("201").GetProperty("headers").TryGetProperty("ETag", out _));
        Assert.True(put.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
    }

    [Fact]
    public async Task The_documented_412_is_the_problem_the_api_sends()
    {
        var example = _paths.GetProperty("/data/{key}").GetProperty("put").GetProperty("responses").GetProperty("412")
            .GetProperty("content").GetProperty("application/problem+json").GetProperty("example");

        using var response = await _host.Client.SendAsync(ItemRequests.Put(1, "x", ("If-Match", "\"999999\"")));
        var actual = await response.Content.ReadFromJsonAsync<JsonElement>();

        foreach (var field in new[] { "type", "title", "status", "detail" })
        {
            Assert.Equal(actual.GetProperty(field).ToString(), example.GetProperty(field).ToString());
        }
    }

    [Fact]
    public void Head_routes_are_served_but_not_listed_as_operations_of_their_own()
    {
        Assert.False(_paths.GetProperty("/data/{key}").TryGetProperty("head", out _));
        Assert.False(_paths.GetProperty("/metrics").TryGetProperty("head", out _));
    }

    private static HashSet<string> HeaderParameters(JsonElement operation) =>
        [.. operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "header")
            .Select(p => p.GetProperty("name").GetString()!)];
}
