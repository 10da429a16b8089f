using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace LruAspire.Api.Apis;

/// <summary>Reads and validates the body of <c>PUT /data/{key}</c>: <c>{"value": "..."}</c>.</summary>
public static class PutItemBody
{
    // Room for the JSON around the value and for escapes: a character may be written as a 6-byte \uXXXX.
    private const int JsonEscapeFactor = 6;
    private const int JsonEnvelopeBytes = 1024;

    /// <summary>
    /// Refuses a body or value over the limit (413) before buffering it whole, a non-JSON content type (415), and
    /// malformed JSON, a missing value or a NUL character in it (400).
    /// </summary>
    /// <returns>The value, or the problem to answer with.</returns>
    public static async Task<(string? Value, ApiProblem? Problem)> ReadValueAsync(
        HttpRequest request, int maxValueBytes, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedContentType);
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
            body = await request.ReadFromJsonAsync(ApiJsonContext.Default.PutItemRequest, cancellationToken);
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
}
