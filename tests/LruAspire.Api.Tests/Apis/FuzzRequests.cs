using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using LruAspire.Api.Apis;

namespace LruAspire.Api.Tests.Apis;

/// <summary>
/// CsCheck generators of <see cref="FuzzRequest"/>: mostly plausible requests to <c>/data/{key}</c> (so most reach the
/// handlers' deeper checks), with hostile methods, paths, header values, content types, codings and bodies mixed in.
/// Versions are small numbers, like the in-memory store's, so generated entity tags often match current items.
/// </summary>
internal static class FuzzRequests
{
    private const string TokenChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";

    private static readonly Gen<string> Token = Gen.Char[TokenChars].Array[1, 12].Select(chars => new string(chars));

    // Visible ASCII and space, some Latin-1: what survives HTTP framing (CR, LF and NUL never reach the application;
    // Kestrel refuses them, and a NUL in the path, before any app code runs).
    private static readonly Gen<string> HeaderText = Gen.Frequency(
        (4, Gen.Char[' ', '~'].Array[0, 40].Select(chars => new string(chars))),
        (1, Gen.Char[' ', '\u00ff'].Array[0, 20].Select(chars => new string(chars))));

    private static readonly Gen<string> Method = Gen.Frequency(
        (7, Gen.OneOf("GET", "HEAD", "PUT", "DELETE")),
        (1, Gen.OneOf("POST", "PATCH", "OPTIONS", "TRACE")),
        (1, Token));

    private static readonly Gen<string> Key = Gen.Frequency(
        (8, Gen.Long[1, 6].Select(key => key.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.OneOf("0", "-1", "+1", "01", "1.5", "1e3", "abc", "%20", "1%2F2", "9223372036854775807", "9223372036854775808")),
        (1, HeaderText.Select(Uri.EscapeDataString)));

    private static readonly Gen<string> Path = Gen.Frequency(
        (10, Key.Select(key => "/data/" + key)),
        (2, Gen.OneOf("/metrics", "/alive", "/openapi/v1.json", "/data", "/data/", "/", "/data/1/2", "/metrics/")),
        (1, HeaderText.Select(text => "/" + Uri.EscapeDataString(text))));

    private static readonly Gen<string> EntityTag = Gen.Frequency(
        (4, Gen.Long[1, 40].Select(version => $"\"{version}\"")),
        (2, Gen.Long[1, 40].Select(version => $"W/\"{version}\"")),
        (1, Gen.OneOf("\"\"", "\"01\"", "\"-1\"", "\"abc\"", "\"9223372036854775808\"")));

    private static readonly Gen<string> EntityTagField = Gen.Frequency(
        (4, EntityTag),
        (2, Gen.Const("*")),
        (2, EntityTag.Array[0, 4].Select(tags => string.Join(", ", tags))),
        (1, Gen.OneOf("*, \"1\"", "1", "\"1", "W/1", "\"1\" \"2\"", ",", "\"a b\"", "w/\"1\"")),
        (1, HeaderText));

    private static readonly Gen<string> Charset = Gen.Frequency(
        (4, Gen.OneOf("utf-8", "UTF-8", "\"utf-8\"", "\"UTF-8\"", "unicode-1-1-utf-8")),
        (4, Gen.OneOf("utf8", "windows-1252", "bogus", "utf-16", "UTF-16LE", "latin1", "iso-8859-1", "us-ascii", "\"\"", "", "\"utf-8", "utf-8\"", "'utf-8'", "utf-8; charset=latin1")),
        (1, HeaderText));

    private static readonly Gen<string?> ContentType = Gen.Frequency(
        (6, Gen.Const<string?>("application/json")),
        (5, Charset.Select(charset => (string?)$"application/json; charset={charset}")),
        (2, Gen.OneOf<string?>(null, "text/plain", "application/x-www-form-urlencoded", "application/problem+json", "application/json; foo=bar",
            "application/json;;", "application/json; charset", "multipart/form-data; boundary=x", "*/*", "", "application/json, text/plain")),
        (1, HeaderText.Select(text => (string?)text)));

    private static readonly Gen<string?> ContentEncoding = Gen.Frequency(
        (10, Gen.Const((string?)null)),
        (2, Gen.OneOf<string?>("gzip", "identity", "br", "deflate, gzip", "", "identity, identity", "IDENTITY")),
        (1, HeaderText.Select(text => (string?)text)));

    private static readonly Gen<string> Value = Gen.Frequency(
        (4, Gen.Char[' ', '~'].Array[0, 30].Select(chars => new string(chars))),
        (2, Gen.Char.Array[0, 20].Select(chars => new string(chars))),   // any UTF-16 unit: NUL, lone surrogates, ...
        (1, Gen.Int[ApiFactory.MaxValueBytes - 2, ApiFactory.MaxValueBytes + 2].Select(length => new string('é', length / 2))));

    private static readonly Gen<byte[]?> Body = Gen.Frequency(
        (3, Gen.Const((byte[]?)null)),
        (8, Value.Select(value => (byte[]?)JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["value"] = value }))),
        (3, Gen.OneOf("", "{}", "null", "[]", "\"x\"", "{\"value\":null}", "{\"value\":1}", "{\"value\":[\"a\"]}", "{\"value\":\"a\\u0000b\"}",
            "{\"value\":\"\\ud800\"}", "{\"VALUE\":\"x\"}", "{\"value\":\"x\",\"value\":\"y\"}", "{\"value\":", "{\"value\":\"x\"} trailing",
            "{\"value\":\"x\"", "{'value':'x'}", "{\"value\":\"\\u00e9\"}").Select(json => (byte[]?)Encoding.UTF8.GetBytes(json))),
        (2, Gen.Byte.Array[0, 200].Select(bytes => (byte[]?)bytes)),
        (1, Value.Select(value => (byte[]?)Encoding.Unicode.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string> { ["value"] = value })))),
        (1, Value.Select(value => (byte[]?)[.. Encoding.UTF8.Preamble, .. JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["value"] = value })])),
        (1, Gen.Int[1_000, 200_000].Select(length => (byte[]?)Encoding.UTF8.GetBytes(new string(' ', length) + "{\"value\":\"x\"}"))));

    private static readonly Gen<(string, string)> ExtraHeader = Gen.Frequency(
        (3, Gen.OneOf("If-Match", "If-None-Match").SelectMany(name => EntityTagField.Select(value => (name, value)))),
        (2, Gen.OneOf("no-cache", "no-store", "max-age=0", "NO-CACHE", "no-cache=\"\"\", max-age=-1, ,,", "private, no-cache", "").Select(value => ("Cache-Control", value))),
        (1, Gen.OneOf("If-Modified-Since", "If-Unmodified-Since", "If-Range", "Range", "Accept", "Accept-Charset", "Accept-Encoding", "Expect")
            .SelectMany(name => Gen.OneOf("Sun, 06 Nov 1994 08:49:37 GMT", "bytes=0-1", "text/html", "utf-8", "*", "100-continue").Select(value => (name, value)))),
        (1, Gen.Select(Token, HeaderText)));

    private static readonly Gen<(string, string)[]> ApiKey = Gen.Frequency(
        (8, Gen.Const<(string, string)[]>([(WriteKeyFilter.HeaderName, ApiFactory.WriteKey)])),
        (1, Gen.Const<(string, string)[]>([])),
        (1, HeaderText.Select(key => new[] { (WriteKeyFilter.HeaderName, key) })));

    /// <summary>Requests of every shape: see the generators above for what each part may be.</summary>
    public static readonly Gen<FuzzRequest> Any =
        from method in Method
        from path in Path
        from apiKey in ApiKey
        from extra in ExtraHeader.Array[0, 3]
        from contentType in ContentType
        from contentEncoding in ContentEncoding
        from body in Body
        select new FuzzRequest(method, path, [.. apiKey, .. extra], contentType, contentEncoding, body);
}
