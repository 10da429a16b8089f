using LruAspire.Caching;
using System.Text;
using System.Text.Json;
using LruAspire.Api.Infrastructure;
using LruAspire.Api.Services;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LruAspire.Api.Apis;

public static partial class DataApi
{
    public const string CacheHeader = "X-Cache";

    // Room for the JSON around the value and for escapes: a character may be written as a 6-byte \uXXXX.
    private const int JsonEscapeFactor = 6;
    private const int JsonEnvelopeBytes = 1024;

    /// <summary>Binds <see cref="DataApiOptions"/> (section <c>Api</c>) for the write endpoints.</summary>
    public static IHostApplicationBuilder AddDataApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DataApiOptions>()
            .BindConfiguration(DataApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapDataApi(this IEndpointRouteBuilder app)
    {
        // One logger for the route group, created once rather than looked up on every request.
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataApi).FullName!);
        var group = app.MapGroup("/data").WithTags("Data");
        group.MapGet("/{key}", (string key, HttpContext context, CacheService cacheService, CancellationToken cancellationToken) =>
                GetItem(key, context, cacheService, logger, cancellationToken))
            .WithName("GetItem");
        group.MapPut("/{key}", (string key, HttpRequest request, CacheService cacheService, IOptions<DataApiOptions> options, CancellationToken cancellationToken) =>
                PutItem(key, request, cacheService, options.Value, logger, cancellationToken))
            .AddEndpointFilter<WriteKeyFilter>()
            .WithName("PutItem");
        group.MapDelete("/{key}", (string key, CacheService cacheService, CancellationToken cancellationToken) =>
                DeleteItem(key, cacheService, logger, cancellationToken))
            .AddEndpointFilter<WriteKeyFilter>()
            .WithName("DeleteItem");
        return app;
    }

    /// <summary>Reads one item through the cache; <c>Cache-Control: no-cache</c> forces a database read.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetItem(
        string key, HttpContext context, CacheService cacheService, ILogger logger, CancellationToken cancellationToken)
    {
        if (!ItemKey.TryParse(key, out var itemKey))
        {
            return InvalidKey();
        }

        LogApiRequest(logger, itemKey);

        var lookup = await cacheService.GetAsync(itemKey, RequestsNoCache(context.Request), cancellationToken);
        context.Response.Headers[CacheHeader] = lookup.Outcome switch
        {
            CacheOutcome.Hit => "HIT",
            CacheOutcome.Miss => "MISS",
            CacheOutcome.Coalesced => "COALESCED",
            _ => "BYPASS",
        };

        return lookup.Json is { } json
            ? TypedResults.Bytes(json, "application/json")
            : ItemNotFound(itemKey);
    }

    // Parses the header only when it is there: GetTypedHeaders() would allocate a wrapper on every cached GET.
    private static bool RequestsNoCache(HttpRequest request) =>
        request.Headers.CacheControl is { Count: > 0 } header
        && CacheControlHeaderValue.TryParse(header.ToString(), out var cacheControl)
        && cacheControl.NoCache;

    /// <summary>Creates (201) or replaces (200) an item from <c>{"value": "..."}</c>; the database is written first.</summary>
    public static async Task<Results<Created<ItemResponse>, Ok<ItemResponse>, ProblemHttpResult>> PutItem(
        string key, HttpRequest request, CacheService cacheService, DataApiOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (!ItemKey.TryParse(key, out var itemKey))
        {
            return InvalidKey();
        }

        var (value, problem) = await ReadValueAsync(request, options.MaxValueBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        LogApiWrite(logger, itemKey);
        var created = await cacheService.PutAsync(new Item(itemKey, value!), cancellationToken);
        var body = new ItemResponse(itemKey, value!);
        return created ? TypedResults.Created($"/data/{itemKey}", body) : TypedResults.Ok(body);
    }

    /// <summary>Deletes an item: 204, or 404 when no row had the key.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteItem(
        string key, CacheService cacheService, ILogger logger, CancellationToken cancellationToken)
    {
        if (!ItemKey.TryParse(key, out var itemKey))
        {
            return InvalidKey();
        }

        LogApiDelete(logger, itemKey);
        return await cacheService.DeleteAsync(itemKey, cancellationToken)
            ? TypedResults.NoContent()
            : ItemNotFound(itemKey);
    }

    /// <summary>
    /// Reads <c>{"value": "..."}</c>, refusing a body or value over the limit (413) before buffering it whole,
    /// a non-JSON content type (415) and malformed JSON, a missing value or a NUL character in it (400).
    /// </summary>
    private static async Task<(string? Value, ProblemHttpResult? Problem)> ReadValueAsync(
        HttpRequest request, int maxValueBytes, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type",
                detail: "Send the body as application/json: {\"value\": \"...\"}."));
        }

        var maxBodyBytes = (long)maxValueBytes * JsonEscapeFactor + JsonEnvelopeBytes;
        if (request.ContentLength > maxBodyBytes)
        {
            return (null, ValueTooLarge(maxValueBytes));
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
            return (null, InvalidBody("The body is not valid JSON of the form {\"value\": \"...\"}."));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ValueTooLarge(maxValueBytes));
        }

        if (body?.Value is not { } value)
        {
            return (null, InvalidBody("The body must have a string property \"value\"."));
        }
        if (Encoding.UTF8.GetByteCount(value) > maxValueBytes)
        {
            return (null, ValueTooLarge(maxValueBytes));
        }
        // PostgreSQL text cannot hold U+0000; refusing it here keeps it a 400 instead of a database error.
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return (null, InvalidBody("The value contains a NUL character (U+0000), which cannot be stored."));
        }
        return (value, null);
    }

    private static ProblemHttpResult InvalidBody(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid body", detail: detail);

    private static ProblemHttpResult ValueTooLarge(int maxValueBytes) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Value too large",
            detail: $"A value may have at most {maxValueBytes} UTF-8 bytes.");

    private static ProblemHttpResult ItemNotFound(long itemKey) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Item not found",
            detail: $"No item has key {itemKey}.");

    internal static ProblemHttpResult InvalidKey() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid key",
            detail: "The key must be a positive 64-bit integer written in decimal digits (1 to 9223372036854775807).");

    [LoggerMessage(Level = LogLevel.Debug, Message = "API REQUEST for key: {Key}")]
    private static partial void LogApiRequest(ILogger logger, long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "API WRITE for key: {Key}")]
    private static partial void LogApiWrite(ILogger logger, long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "API DELETE for key: {Key}")]
    private static partial void LogApiDelete(ILogger logger, long key);
}
