using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace LruAspire.FunctionalTests;

/// <summary>
/// Hostile requests against the real app, one table row each: every row asserts the exact status, a
/// problem+json body where the app answers (Kestrel refuses some requests before the app sees them, with an
/// empty body), no stack trace, and that a known row still holds its value afterwards.
/// </summary>
[Collection(LruAppCollection.Name)]
public class HostileInputTests(LruAppFixture fixture)
{
    // A seeded row no other test touches; the "data did not change" witness.
    private const long WitnessKey = 4242;
    private const string WitnessValue = "value-4242";

    private static readonly Dictionary<string, HostileRequest> Reads = Table(
    [
        new("letters as key", "GET", "/data/abc", 400),
        new("zero key", "GET", "/data/0", 400),
        new("negative key", "GET", "/data/-1", 400),
        new("plus sign", "GET", "/data/+1", 400),
        new("leading zeros are fine", "GET", "/data/0004242", 200, Problem: false),
        new("decimal key", "GET", "/data/1.5", 400),
        new("exponent key", "GET", "/data/1e3", 400),
        new("hex key", "GET", "/data/0x10", 400),
        new("leading space", "GET", "/data/%201", 400),
        new("trailing space", "GET", "/data/1%20", 400),
        new("long.MaxValue + 1", "GET", "/data/9223372036854775808", 400),
        new("long.MinValue", "GET", "/data/-9223372036854775808", 400),
        new("30 digits", "GET", "/data/" + new string('9', 30), 400),
        new("3000 digits", "GET", "/data/" + new string('7', 3000), 400),
        new("key longer than the request line limit", "GET", "/data/" + new string('7', 5000), 414, Problem: false),
        new("full-width digits", "GET", "/data/%EF%BC%91%EF%BC%92", 400),
        new("Arabic-Indic digits", "GET", "/data/%D9%A1%D9%A2", 400),
        new("NUL byte", "GET", "/data/%00", 400, Problem: false),
        new("NUL after digits", "GET", "/data/1%00", 400, Problem: false),
        new("CR LF injection", "GET", "/data/1%0D%0AX-Injected:%201", 400),
        new("SQL injection, quote", "GET", "/data/1'%20OR%20'1'='1", 400),
        new("SQL injection, stacked query", "GET", "/data/1;DROP%20TABLE%20items", 400),
        new("SQL injection, comment", "GET", "/data/1--", 400),
        new("script tag", "GET", "/data/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 400),
        new("encoded path traversal", "GET", "/data/..%2F..%2Fetc%2Fpasswd", 400),
        new("format string", "GET", "/data/%25s%25n%25x", 400),
        new("valid key without a row", "GET", "/data/9223372036854775807", 404),
        new("extra path segment", "GET", "/data/1/2", 404),
        new("missing key", "GET", "/data/", 404),
        new("collection root", "GET", "/data", 404),
        new("unknown route", "GET", "/admin", 404),
        new("unknown route with dots", "GET", "/.env", 404),
        new("POST to an item", "POST", "/data/1", 405),
        new("PATCH to an item", "PATCH", "/data/1", 405),
        new("OPTIONS to an item", "OPTIONS", "/data/1", 405),
        new("TRACE to an item", "TRACE", "/data/1", 405),
        new("made-up method", "BREW", "/data/1", 405),
        new("POST to metrics", "POST", "/metrics", 405),
        new("DELETE metrics", "DELETE", "/metrics", 405),
        new("bad key with Accept: text/html", "GET", "/data/abc", 400, Headers: [("Accept", "text/html")]),
        new("bad key with Accept: application/xml", "GET", "/data/abc", 400, Headers: [("Accept", "application/xml")]),
        new("bad key bypassing the cache", "GET", "/data/-7", 400, Headers: [("Cache-Control", "no-cache")]),
        new("garbage Cache-Control", "GET", "/data/4242", 200, Problem: false, Headers: [("Cache-Control", "no-cache=\"\"\", max-age=-1, ,,")]),
        new("spoofed X-Cache request header", "GET", "/data/abc", 400, Headers: [("X-Cache", "HIT")]),
        new("body on a GET", "GET", "/data/abc", 400, Body: () => new StringContent("{\"value\":\"x\"}", Encoding.UTF8, "application/json")),
        new("one 20 KB header", "GET", "/data/1", 431, Problem: false, Headers: [("X-Big", new string('a', 20_000))]),
        new("60 headers", "GET", "/data/1", 431, Problem: false, Headers: [.. Enumerable.Range(0, 60).Select(i => ($"X-H{i}", "v"))]),
    ]);

    // Writes: PUT/DELETE /data/{key}, X-Api-Key checked against the "api-write-key" secret parameter.
    private static readonly Dictionary<string, HostileRequest> Writes = Table(
    [
        new("PUT without X-Api-Key", "PUT", $"/data/{WitnessKey}", 401, Body: () => Json("{\"value\":\"pwned\"}")),
        new("PUT with a wrong X-Api-Key", "PUT", $"/data/{WitnessKey}", 401, ApiKey: _ => "wrong", Body: () => Json("{\"value\":\"pwned\"}")),
        new("PUT with an empty X-Api-Key", "PUT", $"/data/{WitnessKey}", 401, ApiKey: _ => "", Body: () => Json("{\"value\":\"pwned\"}")),
        new("PUT with the key plus one character", "PUT", $"/data/{WitnessKey}", 401, ApiKey: key => key + "x", Body: () => Json("{\"value\":\"pwned\"}")),
        new("PUT with the key minus its last character", "PUT", $"/data/{WitnessKey}", 401, ApiKey: key => key[..^1], Body: () => Json("{\"value\":\"pwned\"}")),
        new("DELETE without X-Api-Key", "DELETE", $"/data/{WitnessKey}", 401),
        new("DELETE with a wrong X-Api-Key", "DELETE", $"/data/{WitnessKey}", 401, ApiKey: _ => "wrong"),
        new("PUT to a non-numeric key", "PUT", "/data/abc", 400, ApiKey: key => key, Body: () => Json("{\"value\":\"x\"}")),
        new("PUT to key zero", "PUT", "/data/0", 400, ApiKey: key => key, Body: () => Json("{\"value\":\"x\"}")),
        new("DELETE a non-numeric key", "DELETE", "/data/abc", 400, ApiKey: key => key),
        new("PUT as text/plain", "PUT", $"/data/{WitnessKey}", 415, ApiKey: key => key, Body: () => new StringContent("pwned", Encoding.UTF8, "text/plain")),
        new("PUT as form data", "PUT", $"/data/{WitnessKey}", 415, ApiKey: key => key, Body: () => new FormUrlEncodedContent([new("value", "pwned")])),
        new("PUT with truncated JSON", "PUT", $"/data/{WitnessKey}", 400, ApiKey: key => key, Body: () => Json("{\"value\":")),
        new("PUT with an empty object", "PUT", $"/data/{WitnessKey}", 400, ApiKey: key => key, Body: () => Json("{}")),
        new("PUT with a number value", "PUT", $"/data/{WitnessKey}", 400, ApiKey: key => key, Body: () => Json("{\"value\":5}")),
        new("PUT with a null value", "PUT", $"/data/{WitnessKey}", 400, ApiKey: key => key, Body: () => Json("{\"value\":null}")),
        new("PUT with a JSON array", "PUT", $"/data/{WitnessKey}", 400, ApiKey: key => key, Body: () => Json("[\"pwned\"]")),
        // PostgreSQL text cannot hold U+0000; the API must say 400, not let the database fail with a 500.
        new("PUT with a NUL character in the value", "PUT", $"/data/{WitnessKey}", 400, ApiKey: key => key, Body: () => Json("{\"value\":\"a\\u0000b\"}")),
        new("PUT with a 70 KiB value", "PUT", $"/data/{WitnessKey}", 413, ApiKey: key => key, Body: () => Json($"{{\"value\":\"{new string('x', 70 * 1024)}\"}}")),
        new("PUT with a 2 MiB body", "PUT", $"/data/{WitnessKey}", 413, ApiKey: key => key, Body: () => Json($"{{\"value\":\"{new string('x', 2 * 1024 * 1024)}\"}}")),
    ]);

    // Values that must be stored and served back byte for byte, never interpreted.
    private static readonly string[] VerbatimValues =
    [
        "'; DROP TABLE items; --",
        "Robert'); DELETE FROM items WHERE ('1'='1",
        "1 OR 1=1",
        "$1",
        "\\x00\\' \\\" \\\\",
        "\u0001\u0007\u001b[31mred\u001b[0m\u007f",
        "line1\r\nX-Injected: 1",
        "<script>alert(1)</script>",
        "%s%n%x{0}",
        "\ud83d\ude00 \u202eRTL \ufeffBOM",
    ];

    public static TheoryData<string> ReadCases => [.. Reads.Keys];

    public static TheoryData<string> WriteCases => [.. Writes.Keys];

    public static TheoryData<int> VerbatimCases => [.. Enumerable.Range(0, VerbatimValues.Length)];

    private HttpClient Api => fixture.Api;

    [Theory]
    [MemberData(nameof(ReadCases))]
    public Task Hostile_read_gets_its_exact_status_and_changes_nothing(string name) => AssertRefusedAsync(Reads[name]);

    [Theory]
    [MemberData(nameof(WriteCases))]
    public Task Hostile_write_gets_its_exact_status_and_changes_nothing(string name) => AssertRefusedAsync(Writes[name]);

    [Theory]
    [MemberData(nameof(VerbatimCases))]
    public async Task Hostile_value_is_stored_and_served_verbatim(int index)
    {
        var key = 900_000 + index;
        var value = VerbatimValues[index];
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/data/{key}")
        {
            Content = JsonContent.Create(new { value }),
        };
        put.Headers.Add("X-Api-Key", await WriteKeyAsync());

        using var response = await Api.SendAsync(put);

        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode}");
        Assert.Equal(value, await ReadValueAsync(key));
        Assert.Equal(WitnessValue, await ReadValueAsync(WitnessKey));
    }

    [Fact]
    public void The_table_has_at_least_40_hostile_requests() => Assert.True(Reads.Count >= 40, $"{Reads.Count} cases");

    private async Task AssertRefusedAsync(HostileRequest hostile)
    {
        Assert.Equal(WitnessValue, await ReadValueAsync(WitnessKey));

        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Target);
        foreach (var (header, value) in hostile.Headers ?? [])
        {
            Assert.True(request.Headers.TryAddWithoutValidation(header, value), header);
        }
        if (hostile.ApiKey is { } apiKey)
        {
            request.Headers.Add("X-Api-Key", apiKey(await WriteKeyAsync()));
        }
        request.Content = hostile.Body?.Invoke();
        // As a well-behaved client would: a body the server refuses by its Content-Length is then never sent,
        // instead of the server closing the connection while the client is still writing it.
        request.Headers.ExpectContinue = request.Content is not null;
        using var response = await Api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(hostile.Status, (int)response.StatusCode);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        if (hostile.Problem)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(hostile.Status, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        }
        else if (hostile.Status >= 400)
        {
            Assert.Equal("", body); // Kestrel refused it before any app code ran
        }

        Assert.Equal(WitnessValue, await ReadValueAsync(WitnessKey));
    }

    private async Task<string?> ReadValueAsync(long key)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Bypass the cache so the value comes from PostgreSQL itself.
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/data/{key}");
            request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            using var response = await Api.SendAsync(request);
            // A 503 is the API asking to be retried (a store call can time out on a busy test machine); the
            // witness read is not what is under test, so it does as a client should.
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 3)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("value").GetString();
        }
    }

    private async Task<string> WriteKeyAsync()
    {
        var model = fixture.App.Services.GetRequiredService<DistributedApplicationModel>();
        var parameter = model.Resources.OfType<ParameterResource>().Single(resource => resource.Name == "api-write-key");
        return await parameter.GetValueAsync(CancellationToken.None) ?? throw new InvalidOperationException("api-write-key has no value.");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Dictionary<string, HostileRequest> Table(HostileRequest[] rows) => rows.ToDictionary(row => row.Name);

    /// <param name="Problem">Whether the body must be problem+json (false for 2xx and Kestrel's own refusals).</param>
    /// <param name="ApiKey">The X-Api-Key to send, made from the real write key; no header when null.</param>
    private sealed record HostileRequest(
        string Name,
        string Method,
        string Target,
        int Status,
        bool Problem = true,
        (string Name, string Value)[]? Headers = null,
        Func<HttpContent>? Body = null,
        Func<string, string>? ApiKey = null);
}
