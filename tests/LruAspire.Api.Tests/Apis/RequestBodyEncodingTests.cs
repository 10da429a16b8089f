using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LruAspire.Api.Apis;

namespace LruAspire.Api.Tests.Apis;

/// <summary>
/// PUT bodies must be UTF-8 JSON without a content coding. Each charset below once answered 500 with an error-level
/// stack trace (issue 13); now UTF-8 under any spelling .NET knows is accepted and every other charset is 415.
/// </summary>
public sealed class RequestBodyEncodingTests : IAsyncLifetime
{
    private ApiFactory _host = null!;

    public async Task InitializeAsync() => _host = ApiFactory.Start();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json;charset=\"UTF-8\"")]
    [InlineData("application/json; charset=unicode-1-1-utf-8")]  // a registered alias .NET resolves to UTF-8
    [InlineData("application/json; charset=\"\"")]               // an empty charset says nothing
    [InlineData("Application/JSON")]
    [InlineData("application/merge-patch+json")]
    public async Task A_utf8_json_body_is_accepted(string contentType)
    {
        using var response = await _host.Client.SendAsync(Put(880001, contentType, Encoding.UTF8.GetBytes("""{"value":"x"}""")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("x", _host.Store[880001]);
    }

    [Theory]
    [InlineData("application/json; charset=utf8")]                // not a registered name of UTF-8, unknown to .NET
    [InlineData("application/json; charset=windows-1252")]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=us-ascii")]
    [InlineData("application/json; charset=\"utf-8\\\"\"")]
    public async Task Any_other_charset_is_415_and_nothing_is_written(string contentType)
    {
        using var response = await _host.Client.SendAsync(Put(880001, contentType, Encoding.UTF8.GetBytes("""{"value":"x"}""")));

        await ItemRequests.AssertProblemAsync(response, Problems.UnsupportedCharset);
        Assert.Null(_host.Store[880001]);
    }

    [Theory]
    [InlineData("application/json; charset=\"utf-8")]             // unterminated quoted string
    [InlineData("application/json, text/plain")]
    [InlineData("application/json; =x")]
    [InlineData("json")]
    [InlineData("text/json")]
    public async Task A_content_type_that_is_not_json_or_does_not_parse_is_415(string contentType)
    {
        using var response = await _host.Client.SendAsync(Put(880002, contentType, Encoding.UTF8.GetBytes("""{"value":"x"}""")));

        await ItemRequests.AssertProblemAsync(response, Problems.UnsupportedContentType);
        Assert.Null(_host.Store[880002]);
    }

    [Fact]
    public async Task Utf16_bytes_labelled_utf8_are_invalid_json_not_a_500()
    {
        using var response = await _host.Client.SendAsync(Put(880003, "application/json", Encoding.Unicode.GetBytes("""{"value":"x"}""")));

        await ItemRequests.AssertProblemAsync(response, Problems.NotJson);
    }

    [Fact]
    public async Task Invalid_utf8_in_the_value_is_400()
    {
        byte[] body = [.. "{\"value\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        using var response = await _host.Client.SendAsync(Put(880003, "application/json", body));

        await ItemRequests.AssertProblemAsync(response, Problems.NotJson);
        Assert.Null(_host.Store[880003]);
    }

    [Fact]
    public async Task A_byte_order_mark_is_skipped()
    {
        using var response = await _host.Client.SendAsync(Put(880004, "application/json", [.. Encoding.UTF8.Preamble, .. """{"value":"bom"}"""u8]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("bom", _host.Store[880004]);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("identity, gzip")]
    [InlineData("x-unknown")]
    public async Task A_content_coded_body_is_415_naming_what_is_accepted(string contentEncoding)
    {
        var request = Put(880005, "application/json", Encoding.UTF8.GetBytes("""{"value":"x"}"""));
        request.Content!.Headers.TryAddWithoutValidation("Content-Encoding", contentEncoding);

        using var response = await _host.Client.SendAsync(request);

        await ItemRequests.AssertProblemAsync(response, Problems.UnsupportedContentEncoding);
        Assert.Equal("identity", Assert.Single(response.Headers.GetValues("Accept-Encoding")));
        Assert.Null(_host.Store[880005]);
    }

    [Fact]
    public async Task Content_Encoding_identity_is_no_coding()
    {
        var request = Put(880006, "application/json", Encoding.UTF8.GetBytes("""{"value":"x"}"""));
        request.Content!.Headers.TryAddWithoutValidation("Content-Encoding", "identity");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static HttpRequestMessage Put(long key, string contentType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        return new HttpRequestMessage(HttpMethod.Put, $"/data/{key}")
        {
            Content = content,
            Headers = { { WriteKeyFilter.HeaderName, ApiFactory.WriteKey } },
        };
    }
}
