using Microsoft.AspNetCore.WebUtilities;

namespace LruAspire.Api.Apis;

/// <summary>
/// Every problem the API answers with, written once: the handlers, the write-key filter, the 503 handler and the
/// OpenAPI examples all take their text from here, so what is documented is what is sent.
/// </summary>
public static class Problems
{
    public static ApiProblem InvalidKey { get; } = new(StatusCodes.Status400BadRequest, "Invalid key",
        "The key must be a positive 64-bit integer written in decimal digits (1 to 9223372036854775807).");

    public static ApiProblem NotJson { get; } = InvalidBody("The body is not valid JSON of the form {\"value\": \"...\"}.");

    public static ApiProblem MissingValue { get; } = InvalidBody("The body must have a string property \"value\".");

    public static ApiProblem NulInValue { get; } = InvalidBody("The value contains a NUL character (U+0000), which cannot be stored.");

    public static ApiProblem MissingApiKey { get; } = new(StatusCodes.Status401Unauthorized, "Missing or invalid API key",
        $"Writes require the {WriteKeyFilter.HeaderName} header with the server's write key.");

    public static ApiProblem WritesDisabled { get; } = new(StatusCodes.Status403Forbidden, "Writes are disabled",
        "No write key is configured on the server (Api:WriteKey), so writes are refused.");

    public static ApiProblem UnsupportedContentType { get; } = new(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
        "Send the body as application/json: {\"value\": \"...\"}.");

    public static ApiProblem UnsupportedCharset { get; } = new(StatusCodes.Status415UnsupportedMediaType, "Unsupported charset",
        "JSON bodies must be UTF-8: send Content-Type: application/json, with no charset or with charset=utf-8.");

    public static ApiProblem UnsupportedContentEncoding { get; } = new(StatusCodes.Status415UnsupportedMediaType, "Unsupported content encoding",
        "Send the body uncompressed: the API accepts no Content-Encoding (see Accept-Encoding in this response).");

    public static ApiProblem InvalidPrecondition { get; } = new(StatusCodes.Status400BadRequest, "Invalid conditional header",
        "If-Match and If-None-Match take \"*\" or a comma-separated list of entity tags in double quotes, optionally weak: \"42\", W/\"42\".");

    public static ApiProblem PreconditionFailed { get; } = new(StatusCodes.Status412PreconditionFailed, "Precondition failed",
        "The item's current entity tag does not satisfy If-Match or If-None-Match, so the request was not carried out (a write changed nothing). Read the item (GET) for its current ETag.");

    public static ApiProblem DatabaseUnavailable { get; } = new(StatusCodes.Status503ServiceUnavailable, "Database unavailable",
        "The item is not in the cache and the database cannot answer right now. Retry after the number of seconds in the Retry-After header.");

    public static ApiProblem WriteOutcomeUnknown { get; } = new(StatusCodes.Status504GatewayTimeout, "Write outcome unknown",
        "The database did not confirm the write in time, so it may or may not have been applied. PUT and DELETE are idempotent: " +
        "retry after the number of seconds in the Retry-After header.");

    public static ApiProblem NoSuchResource { get; } = new(StatusCodes.Status404NotFound, "Not Found",
        "Nothing is at this path. Items are at /data/{key} and the cache counters at /metrics; /docs lists every operation.");

    public static ApiProblem MethodNotAllowed { get; } = new(StatusCodes.Status405MethodNotAllowed, "Method Not Allowed",
        "This path does not take this method; the Allow header lists the ones it takes.");

    /// <summary>
    /// The problem for a status the framework sets without a body (answered by the status code pages): no route
    /// matched (404), the route does not take the method (405), or any other.
    /// </summary>
    public static ApiProblem ForStatus(int status) => status switch
    {
        StatusCodes.Status404NotFound => NoSuchResource,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        _ => new(status, ReasonPhrases.GetReasonPhrase(status), "See /docs for the API's operations."),
    };

    public static ApiProblem ItemNotFound(long key) => new(StatusCodes.Status404NotFound, "Item not found", $"No item has key {key}.");

    /// <summary>
    /// A request the server could not read, with the status Kestrel gave it: a body cut off before its
    /// Content-Length (400), sent too slowly (408), too large (413), and the like.
    /// </summary>
    public static ApiProblem UnreadableRequest(int status) => new(status, ReasonPhrases.GetReasonPhrase(status),
        "The request could not be read (cut off, too slow, too large or malformed), so nothing was changed.");

    public static ApiProblem ValueTooLarge(int maxValueBytes) => new(StatusCodes.Status413PayloadTooLarge, "Value too large",
        $"A value may have at most {maxValueBytes} UTF-8 bytes.");

    private static ApiProblem InvalidBody(string detail) => new(StatusCodes.Status400BadRequest, "Invalid body", detail);
}
