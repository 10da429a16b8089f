using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace LruAspire.FunctionalTests;

[Collection(LruAppCollection.Name)]
public class OpenApiTests(LruAppFixture fixture)
{
    private HttpClient Api => fixture.Api;

    [Fact]
    public async Task Every_operation_has_a_summary_a_description_and_documented_responses()
    {
        var document = await GetDocumentAsync();

        var operations = Operations(document).ToList();
        Assert.Contains(operations, o => o.Route == "GET /data/{key}");
        Assert.Contains(operations, o => o.Route == "GET /metrics");
        foreach (var (route, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{route} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()), $"{route} has no description");
            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            Assert.Contains(responses, r => r.Name.StartsWith('2'));
            foreach (var response in responses)
            {
                Assert.False(string.IsNullOrWhiteSpace(response.Value.GetProperty("description").GetString()), $"{route} {response.Name} has no description");
                if (response.Name.StartsWith('4') || response.Name.StartsWith('5'))
                {
                    var problem = response.Value.GetProperty("content").GetProperty("application/problem+json");
                    Assert.Equal("#/components/schemas/ProblemDetails", problem.GetProperty("schema").GetProperty("$ref").GetString());
                    Assert.Equal(int.Parse(response.Name, CultureInfo.InvariantCulture), problem.GetProperty("example").GetProperty("status").GetInt32());
                }
                else if (response.Name is not ("204" or "304"))
                {
                    Assert.True(response.Value.GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _), $"{route} {response.Name} has no example");
                }
            }
        }
    }

    [Fact]
    public async Task Read_operation_documents_its_statuses_headers_and_key()
    {
        var operation = Operation(await GetDocumentAsync(), "/data/{key}", "get");

        Assert.Equal(["200", "304", "400", "404", "412", "503"], operation.GetProperty("responses").EnumerateObject().Select(r => r.Name));
        var ok = operation.GetProperty("responses").GetProperty("200");
        Assert.True(ok.GetProperty("headers").TryGetProperty("X-Cache", out _));
        Assert.Equal("#/components/schemas/ItemResponse", ok.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var parameters = operation.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("path", parameters["key"].GetProperty("in").GetString());
        Assert.False(string.IsNullOrWhiteSpace(parameters["key"].GetProperty("description").GetString()));
        Assert.Equal("header", parameters["Cache-Control"].GetProperty("in").GetString());
    }

    [Theory]
    [InlineData("abc", "400")]
    [InlineData("987654321", "404")]
    public async Task Documented_problem_examples_match_what_the_api_sends(string key, string status)
    {
        var example = Operation(await GetDocumentAsync(), "/data/{key}", "get")
            .GetProperty("responses").GetProperty(status)
            .GetProperty("content").GetProperty("application/problem+json").GetProperty("example");

        using var response = await Api.GetAsync($"/data/{key}");
        var actual = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(status, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(actual.GetProperty("type").GetString(), example.GetProperty("type").GetString());
        Assert.Equal(actual.GetProperty("title").GetString(), example.GetProperty("title").GetString());
        Assert.Equal(
            actual.EnumerateObject().Select(p => p.Name).Order(),
            example.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Docs_page_serves_the_interactive_reference_for_the_document()
    {
        // /docs redirects to /docs/, where the page loads its script and the document relative to itself.
        using var page = await Api.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/docs/", page.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Contains("scalar.js", html, StringComparison.Ordinal);
        using var script = await Api.GetAsync("/docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    private async Task<JsonElement> GetDocumentAsync()
    {
        using var response = await Api.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<(string Route, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path =>
            path.Value.EnumerateObject().Select(operation => ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)));

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);
}
