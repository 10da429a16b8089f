using System.Net.Http.Json;
using System.Text.Json;
using CsCheck;
using Xunit.Abstractions;

namespace LruAspire.Api.Tests.Apis;

/// <summary>
/// Property-based HTTP fuzzing of the whole pipeline (routing, filters, handlers, exception handlers, status code
/// pages) on the in-process server with the in-memory store. For every generated request: never a 5xx, every 4xx is
/// <c>application/problem+json</c> whose <c>status</c> is the response's, and a request that did not succeed left
/// every item (value and version) as it was. CsCheck shrinks a failure and prints its seed (replay it with
/// <c>seed:</c> or the <c>CsCheck_Seed</c> environment variable) and the request as an <c>InlineData</c> row,
/// which goes into <see cref="Found_by_fuzzing_stays_fixed"/>.
/// </summary>
public sealed class HttpFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 10_000;

    private ApiFactory _host = null!;

    public async Task InitializeAsync()
    {
        _host = ApiFactory.Start();
        foreach (var key in Enumerable.Range(2, 4))
        {
            _host.Store.With(key, $"value-{key}");
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task No_generated_request_gets_a_5xx_a_non_problem_4xx_or_changes_an_item_when_it_fails() =>
        // One thread: each request's before/after comparison must see only its own effect.
        await FuzzRequests.Any.SampleAsync(AssertHandledAsync, writeLine: output.WriteLine, iter: Requests, threads: 1);

    [Theory]
    // Issue 13's report: a quoted charset was a 500 ({"value":"x"}).
    [InlineData("PUT", "/data/1", "X-Api-Key: test-write-key-0123456789\nContent-Type: application/json; charset=\"utf-8\"", "eyJ2YWx1ZSI6IngifQ==")]
    // Found before the charset fix: an empty quoted charset was a 500 too ({"value":"lY`zxqHQq4Q~"}).
    [InlineData("PUT", "/data/5", "X-Api-Key: test-write-key-0123456789\nIf-Match: W/\"21\", W/\"16\", \"abc\"\nContent-Type: application/json; charset=\"\"", "eyJ2YWx1ZSI6ImxZXHUwMDYwenhxSFFxNFF+In0=")]
    // Found: with Accept: text/html the routing's 404 and 405 fell back to text/plain instead of problem+json.
    [InlineData("PUT", "/", "X-Api-Key: test-write-key-0123456789\nAccept: text/html\nCache-Control: \nContent-Type: application/json\nContent-Encoding: br", "eyJ2YWx1ZSI6IjUoUSVTXHUwMDJCO0o0cWQxWFx1MDAzQyJ9")]
    [InlineData("POST", "/metrics", "Accept: text/html", null)]
    public Task Found_by_fuzzing_stays_fixed(string method, string path, string headerLines, string? base64Body) =>
        AssertHandledAsync(FuzzRequest.Parse(method, path, headerLines, base64Body));

    private async Task AssertHandledAsync(FuzzRequest request)
    {
        var before = _host.Store.Snapshot();
        using var message = request.ToMessage();

        using var response = await _host.Client.SendAsync(message);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.True(status < 500, $"{status} for {request}");
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (request.Method != "HEAD")
            {
                Assert.Equal(status, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
            }
        }
        if (status is < 200 or >= 300)
        {
            Assert.Equal(before, _host.Store.Snapshot());
        }
    }
}
