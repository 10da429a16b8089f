using LruAspire.Api.Cache;
using LruAspire.Api.Store;
using LruAspire.Caching;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace LruAspire.Api.Apis;

/// <summary><c>/data/{key}</c>: read an item through the cache, write or delete it in PostgreSQL.</summary>
public static partial class DataApi
{
    public const string CacheHeader = "X-Cache";

    // Indexed by CacheOutcome: the header values are the enum's names in upper case (HIT, MISS, COALESCED, BYPASS).
    private static readonly string[] CacheHeaderValues = [.. Enum.GetNames<CacheOutcome>().Select(name => name.ToUpperInvariant())];

    private static readonly ParameterDoc KeyParameter = new("key", ParameterLocation.Path,
        "The item's key: a positive 64-bit integer in plain decimal digits (1 to 9223372036854775807).", Example: "42", Required: true);

    private static readonly ParameterDoc WriteKeyParameter = new(WriteKeyFilter.HeaderName, ParameterLocation.Header,
        "The write key (configuration `Api:WriteKey`, an Aspire secret parameter). Reads need no key.", Required: true);

    private static readonly ResponseDoc InvalidKeyResponse = ResponseDoc.Problem(Problems.InvalidKey,
        "The key is not a positive 64-bit integer (letters, zero, a sign, a decimal point, or too large).");

    private static readonly ResponseDoc NotFoundResponse = ResponseDoc.Problem(Problems.ItemNotFound(987654321), "No item has this key.");

    private static readonly ResponseDoc UnauthorizedResponse = ResponseDoc.Problem(Problems.MissingApiKey, "`X-Api-Key` is missing or wrong.");

    private static readonly ResponseDoc WritesDisabledResponse = ResponseDoc.Problem(Problems.WritesDisabled,
        "The server has no write key configured, so every write is refused (fail closed).");

    private static readonly ResponseDoc UnavailableResponse = ResponseDoc.Problem(Problems.DatabaseUnavailable,
        "PostgreSQL cannot answer right now (down, too slow, or too many queued calls). A `Retry-After` header says " +
        "when to try again; a write answered 503 has not been applied. Cache hits are still served.");

    public static IEndpointRouteBuilder MapDataApi(this IEndpointRouteBuilder app)
    {
        // One logger for the route group, created once rather than looked up on every request.
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataApi).FullName!);
        var group = app.MapGroup("/data").WithTags("Data");

        group.MapGet("/{key}", (string key, HttpContext context, CacheService cacheService, CancellationToken cancellationToken) =>
                GetItem(key, context, cacheService, logger, cancellationToken))
            .WithName("GetItem")
            .WithDocs("Read an item through the cache",
                """
                Returns the item with this key. A cache hit is served from the in-process cache without touching
                PostgreSQL; a miss reads the `items` table, stores the response in the cache and returns it
                (concurrent misses for one key share one query; a key with no row is remembered as absent for a few
                seconds). The `X-Cache` response header says which happened.
                """,
                [KeyParameter, new("Cache-Control", ParameterLocation.Header,
                    "`no-cache` skips the cache and reads PostgreSQL directly (the cache is left as it is).", Example: "no-cache")],
                [
                    new(StatusCodes.Status200OK, "The item.", typeof(ItemResponse), """{"key": 42, "value": "value-42"}""")
                    {
                        Headers = [new(CacheHeader, "`HIT` (served from the cache), `MISS` (read from PostgreSQL, now cached), " +
                            "`COALESCED` (a miss that shared another request's read of the same key) or `BYPASS` (read from PostgreSQL because of `Cache-Control: no-cache`).")],
                    },
                    InvalidKeyResponse, NotFoundResponse, UnavailableResponse,
                ]);

        group.MapPut("/{key}", (string key, HttpRequest request, CacheService cacheService, IOptions<DataApiOptions> options, CancellationToken cancellationToken) =>
                PutItem(key, request, cacheService, options.Value, logger, cancellationToken))
            .AddEndpointFilter<WriteKeyFilter>()
            .WithName("PutItem")
            .WithDocs("Create or replace an item",
                """
                Writes the value to PostgreSQL first, then invalidates the key in this replica's cache; the other
                replicas evict it when PostgreSQL's `NOTIFY` for the committed write reaches them. Needs `X-Api-Key`.
                """,
                [KeyParameter, WriteKeyParameter],
                [
                    new(StatusCodes.Status201Created, "The item did not exist and was created.", typeof(ItemResponse), """{"key": 42, "value": "hello"}"""),
                    new(StatusCodes.Status200OK, "The item existed and its value was replaced.", typeof(ItemResponse), """{"key": 42, "value": "hello"}"""),
                    ResponseDoc.Problem(Problems.MissingValue, "Invalid key, invalid JSON, no `value` string in the body, or a NUL character in it."),
                    UnauthorizedResponse, WritesDisabledResponse,
                    ResponseDoc.Problem(Problems.ValueTooLarge(65536), "The value is larger than the configured limit (`Api:MaxValueBytes`)."),
                    ResponseDoc.Problem(Problems.UnsupportedContentType, "The body is not `application/json`."),
                    UnavailableResponse,
                ],
                requestExample: """{"value": "hello"}""");

        group.MapDelete("/{key}", (string key, CacheService cacheService, CancellationToken cancellationToken) =>
                DeleteItem(key, cacheService, logger, cancellationToken))
            .AddEndpointFilter<WriteKeyFilter>()
            .WithName("DeleteItem")
            .WithDocs("Delete an item",
                """
                Deletes the row in PostgreSQL, then invalidates the key in every replica's cache (as for `PUT`).
                Needs `X-Api-Key`.
                """,
                [KeyParameter, WriteKeyParameter],
                [
                    new(StatusCodes.Status204NoContent, "The item was deleted."),
                    InvalidKeyResponse, UnauthorizedResponse, WritesDisabledResponse, NotFoundResponse, UnavailableResponse,
                ]);
        return app;
    }

    /// <summary>Reads one item through the cache; <c>Cache-Control: no-cache</c> forces a database read.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetItem(
        string key, HttpContext context, CacheService cacheService, ILogger logger, CancellationToken cancellationToken)
    {
        if (!ItemKey.TryParse(key, out var itemKey))
        {
            return Problems.InvalidKey.ToResult();
        }

        LogApiRequest(logger, itemKey);

        var lookup = await cacheService.GetAsync(itemKey, RequestsNoCache(context.Request), cancellationToken);
        context.Response.Headers[CacheHeader] = CacheHeaderValues[(int)lookup.Outcome];

        return lookup.Found
            ? TypedResults.Bytes(lookup.Value!, "application/json")
            : Problems.ItemNotFound(itemKey).ToResult();
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
            return Problems.InvalidKey.ToResult();
        }

        var (value, problem) = await PutItemBody.ReadValueAsync(request, options.MaxValueBytes, cancellationToken);
        if (problem is not null)
        {
            return problem.ToResult();
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
            return Problems.InvalidKey.ToResult();
        }

        LogApiDelete(logger, itemKey);
        return await cacheService.DeleteAsync(itemKey, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.ItemNotFound(itemKey).ToResult();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "API REQUEST for key: {Key}")]
    private static partial void LogApiRequest(ILogger logger, long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "API WRITE for key: {Key}")]
    private static partial void LogApiWrite(ILogger logger, long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "API DELETE for key: {Key}")]
    private static partial void LogApiDelete(ILogger logger, long key);
}
