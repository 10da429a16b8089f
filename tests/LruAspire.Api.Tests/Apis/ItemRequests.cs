using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LruAspire.Api.Apis;

namespace LruAspire.Api.Tests.Apis;

/// <summary>Requests to <c>/data/{key}</c> with conditional headers, and the ProblemDetails check, for the API tests.</summary>
internal static class ItemRequests
{
    public static HttpRequestMessage Get(long key, params (string Name, string Value)[] headers) =>
        With(new HttpRequestMessage(HttpMethod.Get, $"/data/{key}"), headers);

    public static HttpRequestMessage Put(long key, string value, params (string Name, string Value)[] headers) =>
        With(new HttpRequestMessage(HttpMethod.Put, $"/data/{key}")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { value }), Encoding.UTF8, "application/json"),
            Headers = { { WriteKeyFilter.HeaderName, ApiFactory.WriteKey } },
        }, headers);

    public static HttpRequestMessage Delete(long key, params (string Name, string Value)[] headers) =>
        With(new HttpRequestMessage(HttpMethod.Delete, $"/data/{key}") { Headers = { { WriteKeyFilter.HeaderName, ApiFactory.WriteKey } } }, headers);

    public static string ETag(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues("ETag"));

    /// <summary>Asserts the status, <c>application/problem+json</c>, and a body whose <c>status</c> and <c>title</c> agree.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, ApiProblem expected)
    {
        Assert.Equal(expected.Status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected.Status, problem.GetProperty("status").GetInt32());
        Assert.Equal(expected.Title, problem.GetProperty("title").GetString());
    }

    private static HttpRequestMessage With(HttpRequestMessage request, (string Name, string Value)[] headers)
    {
        foreach (var (name, value) in headers)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(name, value), name);
        }
        return request;
    }
}
