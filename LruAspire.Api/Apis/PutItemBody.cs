using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace LruAspire.Api.Apis;

/// <summary>Reads and validates the body of <c>PUT /data/{key}</c>: <c>{"value": "..."}</c> as UTF-8 JSON.</summary>
public static class PutItemBody
{
    // Room for the JSON around the value and for escapes: a character may be written as a 6-byte \uXXXX.
    private const int JsonEscapeFactor = 6;
    private const int JsonEnvelopeBytes = 1024;

    /// <summary>
    /// Refuses a body that is not plain UTF-8 JSON (415), a body or value over the limit (413) before buffering it
    /// whole, and malformed JSON, a missing value or a NUL character in it (400). A body that cannot be read at all
    /// (cut off, too slow) surfaces as Kestrel's <see cref="BadHttpRequestException"/>, which
    /// <see cref="UnreadableRequestExceptionHandler"/> answers with its 4xx.
    /// </summary>
    /// <returns>The value, or the problem to answer with.</returns>
    public static async Task<(string? Value, ApiProblem? Problem)> ReadValueAsync(
        HttpRequest request, int maxValueBytes, CancellationToken cancellationToken)
    {
        if (UnsupportedRepresentation(request) is { } unsupported)
        {
            return (null, unsupported);
        }

        var maxBodyBytes = (long)maxValueBytes * JsonEscapeFactor + JsonEnvelopeBytes;
        if (request.ContentLength > maxBodyBytes)
        {
            return (null, Problems.ValueTooLarge(maxValueBytes));
        }
        // Also enforced while streaming, for chunked bodies that announce no length.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBodyBytes;
        }

        PutItemRequest? body;
        try
        {
            // Straight from the UTF-8 bytes (a byte order mark is skipped); invalid UTF-8 is a JsonException.
            body = await JsonSerializer.DeserializeAsync(request.Body, ApiJsonContext.Default.PutItemRequest, cancellationToken);
        }
        catch (JsonException)
        {
            return (null, Problems.NotJson);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.ValueTooLarge(maxValueBytes));
        }

        if (body?.Value is not { } value)
        {
            return (null, Problems.MissingValue);
        }
        if (Encoding.UTF8.GetByteCount(value) > maxValueBytes)
        {
            return (null, Problems.ValueTooLarge(maxValueBytes));
        }
        // PostgreSQL text cannot hold U+0000; refusing it here keeps it a 400 instead of a database error.
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return (null, Problems.NulInValue);
        }
        return (value, null);
    }

    /// <summary>
    /// The body must be <c>application/json</c> (or a <c>+json</c> type), in UTF-8 — RFC 8259 §8.1 allows no other
    /// encoding between systems — and not content-coded (compressed). A <c>charset</c> parameter is accepted when
    /// .NET's encoding table resolves it to UTF-8: <c>utf-8</c> in any case, quoted or not, and its registered
    /// aliases; <c>utf8</c> is not a registered name and is refused like any other charset.
    /// </summary>
    private static ApiProblem? UnsupportedRepresentation(HttpRequest request)
    {
        if (!IsIdentity(request.Headers.ContentEncoding))
        {
            return Problems.UnsupportedContentEncoding;
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                 || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            return Problems.UnsupportedContentType;
        }
        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        return charset.Length == 0 || IsUtf8(charset.Value!) ? null : Problems.UnsupportedCharset;
    }

    // "identity" means no coding; a list of only identity (or nothing) is still none.
    private static bool IsIdentity(Microsoft.Extensions.Primitives.StringValues contentEncoding)
    {
        foreach (var line in contentEncoding)
        {
            foreach (var coding in (line ?? "").Split(','))
            {
                if (coding.Trim(' ', '\t') is { Length: > 0 } name && !name.Equals("identity", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static bool IsUtf8(string charset)
    {
        if (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        try
        {
            return Encoding.GetEncoding(charset).CodePage == Encoding.UTF8.CodePage;
        }
        catch (ArgumentException)
        {
            return false; // a name the runtime does not know
        }
    }
}
