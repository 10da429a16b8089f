using System.Text;
using LruAspire.Api.Apis;

namespace LruAspire.Api.Tests.Apis;

/// <summary>
/// One request as a client may send it: method, path, headers, content type and coding, body bytes. Its text form
/// (<see cref="ToString"/>) is what a fuzzing failure prints and what a regression row replays (<see cref="Parse"/>).
/// </summary>
internal sealed record FuzzRequest(string Method, string Path, IReadOnlyList<(string Name, string Value)> Headers, string? ContentType, string? ContentEncoding, byte[]? Body)
{
    /// <summary>The header lines of <see cref="ToString"/>, separated by <c>\n</c>: <c>Name: value</c>.</summary>
    public static FuzzRequest Parse(string method, string path, string headerLines, string? body)
    {
        var headers = new List<(string, string)>();
        string? contentType = null, contentEncoding = null;
        foreach (var line in headerLines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (line[..line.IndexOf(':')], line[(line.IndexOf(':') + 1)..].TrimStart(' '));
            switch (name)
            {
                case "Content-Type": contentType = value; break;
                case "Content-Encoding": contentEncoding = value; break;
                default: headers.Add((name, value)); break;
            }
        }
        return new(method, path, headers, contentType, contentEncoding, body is null ? null : Convert.FromBase64String(body));
    }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path);
        foreach (var (name, value) in Headers)
        {
            // Content headers and a few others cannot go on the request; a real client could not send those either way.
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (Body is not null || ContentType is not null || ContentEncoding is not null)
        {
            message.Content = new ByteArrayContent(Body ?? []);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
            if (ContentEncoding is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Encoding", ContentEncoding);
            }
        }
        return message;
    }

    /// <summary>The request as an <c>[InlineData(method, path, headerLines, base64Body)]</c> row, with a body preview.</summary>
    public override string ToString()
    {
        IEnumerable<string> lines =
        [
            .. Headers.Select(h => $"{h.Name}: {h.Value}"),
            .. ContentType is null ? [] : new[] { $"Content-Type: {ContentType}" },
            .. ContentEncoding is null ? [] : new[] { $"Content-Encoding: {ContentEncoding}" },
        ];
        var body = Body is null ? "null" : $"\"{Convert.ToBase64String(Body)}\"";
        var preview = Body is null ? "" : $" // body: {Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 120))).ReplaceLineEndings(" ")} ({Body.Length} bytes)";
        return $"[InlineData(\"{Method}\", {Literal(Path)}, {Literal(string.Join('\n', lines))}, {body})]{preview}";
    }

    private static string Literal(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
