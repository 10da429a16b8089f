using LruAspire.Api.Tests;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LruAspire.Api.Apis;

namespace LruAspire.Api.Tests.Apis;

public sealed class DataApiWriteTests : IAsyncLifetime
{
    private ApiFactory _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = ApiFactory.Start();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Put_creates_with_201_and_location_then_replaces_with_200()
    {
        using var created = await Client.SendAsync(Put("/data/500", """{"value":"a"}"""));
        using var replaced = await Client.SendAsync(Put("/data/500", """{"value":"b"}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/data/500", created.Headers.Location?.OriginalString);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(500, body.GetProperty("key").GetInt64());
        Assert.Equal("a", body.GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("b", _host.Store[500]);
    }

    [Fact]
    public async Task A_write_answers_with_the_same_bytes_a_read_of_that_version_returns_so_one_strong_etag_names_one_representation()
    {
        using var put = await Client.SendAsync(Put("/data/501", "{\"value\":\"\ud83d\ude00 \u00e9 \u2028\"}"));
        using var get = await Client.GetAsync("/data/501");

        Assert.Equal(put.Headers.ETag, get.Headers.ETag);
        Assert.Equal(await get.Content.ReadAsByteArrayAsync(), await put.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), put.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task A_read_after_a_write_serves_the_new_value_not_the_cached_one()
    {
        (await Client.GetAsync("/data/1")).Dispose();  // cache "value-1"

        (await Client.SendAsync(Put("/data/1", """{"value":"rewritten"}"""))).Dispose();
        var body = await Client.GetFromJsonAsync<JsonElement>("/data/1");

        Assert.Equal("rewritten", body.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Delete_is_204_then_404_and_the_item_is_gone()
    {
        (await Client.GetAsync("/data/1")).Dispose();

        using var deleted = await Client.SendAsync(Delete("/data/1"));
        using var again = await Client.SendAsync(Delete("/data/1"));
        using var read = await Client.GetAsync("/data/1");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertProblemAsync(again, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [InlineData("""{"value":""}""", "")]
    [InlineData("""{"value":"x","extra":1}""", "x")]
    [InlineData("""{"VALUE":"case"}""", "case")]
    [InlineData("""{"value":"'; DROP TABLE items; --"}""", "'; DROP TABLE items; --")]
    [InlineData("""{"value":"\u0001\n\t"}""", "\u0001\n\t")]
    public async Task Accepted_bodies_store_the_value_verbatim(string json, string expected)
    {
        using var response = await Client.SendAsync(Put("/data/600", json));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(expected, _host.Store[600]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"value":"unterminated""")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{"value":null}""")]
    [InlineData("""{"value":42}""")]
    [InlineData("""{"value":["a"]}""")]
    [InlineData("""["value"]""")]
    [InlineData("""{"value":"nul \u0000 inside"}""")] // PostgreSQL text cannot hold U+0000
    public async Task Invalid_json_or_a_missing_value_is_400_and_nothing_is_written(string json)
    {
        using var response = await Client.SendAsync(Put("/data/700", json));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Null(_host.Store[700]);
    }

    [Fact]
    public async Task A_value_over_the_limit_is_413_and_one_at_the_limit_is_accepted()
    {
        var atLimit = new string('x', ApiFactory.MaxValueBytes);
        var overLimit = new string('é', ApiFactory.MaxValueBytes / 2 + 1); // 2 UTF-8 bytes each: limit + 2

        using var accepted = await Client.SendAsync(Put("/data/800", JsonSerializer.Serialize(new { value = atLimit })));
        using var refused = await Client.SendAsync(Put("/data/801", JsonSerializer.Serialize(new { value = overLimit })));

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        await AssertProblemAsync(refused, HttpStatusCode.RequestEntityTooLarge);
        Assert.Null(_host.Store[801]);
    }

    [Fact]
    public async Task A_body_far_over_the_limit_is_413_before_it_is_parsed()
    {
        var huge = new string(' ', 100_000) + """{"value":"x"}""";

        using var response = await Client.SendAsync(Put("/data/802", huge));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Null(_host.Store[802]);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var request = Put("/data/900", "value=x");
        request.Content = new StringContent("""{"value":"x"}""", Encoding.UTF8, "text/plain");

        using var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Null(_host.Store[900]);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("9223372036854775808")]
    public async Task A_bad_key_is_400_for_put_and_delete(string key)
    {
        using var put = await Client.SendAsync(Put($"/data/{key}", """{"value":"x"}"""));
        using var delete = await Client.SendAsync(Delete($"/data/{key}"));

        await AssertProblemAsync(put, HttpStatusCode.BadRequest);
        await AssertProblemAsync(delete, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    [InlineData(ApiFactory.WriteKey + "x")]
    [InlineData("test-write-key-012345678")]
    public async Task Writes_without_the_right_key_are_401_and_change_nothing(string? key)
    {
        using var put = await Client.SendAsync(Put("/data/1", """{"value":"hacked"}""", key));
        using var delete = await Client.SendAsync(Delete("/data/1", key));

        await AssertProblemAsync(put, HttpStatusCode.Unauthorized);
        await AssertProblemAsync(delete, HttpStatusCode.Unauthorized);
        Assert.Equal("value-1", _host.Store[1]);
    }

    [Fact]
    public async Task The_key_is_checked_before_the_body_so_strangers_learn_nothing_about_validation()
    {
        using var response = await Client.SendAsync(Put("/data/abc", "not json", key: null));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reads_need_no_key()
    {
        using var response = await Client.GetAsync("/data/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage Put(string path, string json, string? key = ApiFactory.WriteKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add(WriteKeyFilter.HeaderName, key);
        }
        return request;
    }

    private static HttpRequestMessage Delete(string path, string? key = ApiFactory.WriteKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, path);
        if (key is not null)
        {
            request.Headers.Add(WriteKeyFilter.HeaderName, key);
        }
        return request;
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
    }
}
