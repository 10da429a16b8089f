using LruAspire.Api.Cache;
using LruAspire.Api.Store;
using LruAspire.Caching;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LruAspire.Api.Apis;

/// <summary>
/// <c>/data/{key}</c>: read an item through the cache (GET, HEAD), write or delete it in PostgreSQL (PUT, DELETE),
/// with entity tags and conditional requests (<see cref="Preconditions"/>).
/// </summary>
public static partial class DataApi
{
    public const string CacheHeader = "X-Cache";

    /// <summary>
    /// <c>Cache-Control</c> of item reads: a client or proxy may store the response but must revalidate it with its
    /// <c>ETag</c> before every use, which costs a 304 answered from this API's memory. A freshness lifetime
    /// (<c>max-age</c>) would let them serve a value for that long after a write had replaced it.
    /// </summary>
    public const string ReadCacheControl = "no-cache";

    // Indexed by CacheOutcome: the header values are the enum's names in upper case (HIT, MISS, COALESCED, BYPASS).
    private static readonly string[] CacheHeaderValues = [.. Enum.GetNames<CacheOutcome>().Select(name => name.ToUpperInvariant())];

    private static readonly StatusCodeHttpResult NotModified = TypedResults.StatusCode(StatusCodes.Status304NotModified);

    public static IEndpointRouteBuilder MapDataApi(this IEndpointRouteBuilder app)
    {
        // One logger for the route group, created once rather than looked up on every request.
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataApi).FullName!);
        var group = app.MapGroup("/data").WithTags("Data");

        group.MapGetAndHead("/{key}", (string key, HttpContext context, CacheService cacheService, CancellationToken cancellationToken) =>
                GetItem(key, context, cacheService, logger, cancellationToken))
            .WithName("GetItem")
            .WithGetItemDocs();

        group.MapPut("/{key}", (string key, HttpRequest request, CacheService cacheService, IOptions<DataApiOptions> options, CancellationToken cancellationToken) =>
                PutItem(key, request, cacheService, options.Value, logger, cancellationToken))
            .AddEndpointFilter<WriteKeyFilter>()
            .WithName("PutItem")
            .WithPutItemDocs();

        group.MapDelete("/{key}", (string key, HttpRequest request, CacheService cacheService, CancellationToken cancellationToken) =>
                DeleteItem(key, request, cacheService, logger, cancellationToken))
            .AddEndpointFilter<WriteKeyFilter>()
            .WithName("DeleteItem")
            .WithDeleteItemDocs();
        return app;
    }

    /// <summary>
    /// Reads one item through the cache (<c>Cache-Control: no-cache</c> forces a database read) and answers 200 with
    /// its <c>ETag</c>, or 304 when <c>If-None-Match</c> holds it, or 412 when <c>If-Match</c> does not.
    /// </summary>
    public static async Task<Results<JsonBytesResult, StatusCodeHttpResult, ProblemHttpResult>> GetItem(
        string key, HttpContext context, CacheService cacheService, ILogger logger, CancellationToken cancellationToken)
    {
        if (!ItemKey.TryParse(key, out var itemKey))
        {
            return Problems.InvalidKey.ToResult();
        }
        var request = context.Request;
        if (!Preconditions.AreWellFormed(request.Headers))
        {
            return Problems.InvalidPrecondition.ToResult();
        }

        LogApiRequest(logger, itemKey);

        var lookup = await cacheService.GetAsync(itemKey, RequestsNoCache(request), cancellationToken);
        var headers = context.Response.Headers;
        headers[CacheHeader] = CacheHeaderValues[(int)lookup.Outcome];
        headers.CacheControl = ReadCacheControl;
        if (!lookup.Found)
        {
            return Problems.ItemNotFound(itemKey).ToResult();
        }

        // The cache holds the tag beside the body, so a revalidation is decided without touching PostgreSQL.
        var item = lookup.Value!;
        headers.ETag = item.ETag;
        return Preconditions.EvaluateRead(request.Headers, item.ETag) switch
        {
            ConditionalRead.NotModified => NotModified,
            ConditionalRead.PreconditionFailed => Problems.PreconditionFailed.ToResult(),
            _ => new JsonBytesResult(item.Json),
        };
    }

    // Parses the header only when it is there: GetTypedHeaders() would allocate a wrapper on every cached GET.
    private static bool RequestsNoCache(HttpRequest request) =>
        request.Headers.CacheControl is { Count: > 0 } header
        && CacheControlHeaderValue.TryParse(header.ToString(), out var cacheControl)
        && cacheControl.NoCache;

    /// <summary>
    /// Creates (201) or replaces (200) an item from <c>{"value": "..."}</c> in the database, answering with its new
    /// <c>ETag</c>; 412 when <c>If-Match</c>/<c>If-None-Match</c> do not hold there.
    /// </summary>
    public static async Task<Results<JsonBytesResult, ProblemHttpResult>> PutItem(
        string key, HttpRequest request, CacheService cacheService, DataApiOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (!ItemKey.TryParse(key, out var itemKey))
        {
            return Problems.InvalidKey.ToResult();
        }
        if (!Preconditions.AreWellFormed(request.Headers))
        {
            return Problems.InvalidPrecondition.ToResult();
        }

        var (value, problem) = await PutItemBody.ReadValueAsync(request, options.MaxValueBytes, cancellationToken);
        if (problem is not null)
        {
            if (problem == Problems.UnsupportedContentEncoding)
            {
                // RFC 9110 §15.5.16: say which codings would have been accepted.
                request.HttpContext.Response.Headers.AcceptEncoding = "identity";
            }
            return problem.ToResult();
        }

        LogApiWrite(logger, itemKey);
        var result = await cacheService.PutAsync(itemKey, value!, Preconditions.ForWrite(request.Headers), cancellationToken);
        if (result.Status == WriteStatus.PreconditionFailed)
        {
            return Problems.PreconditionFailed.ToResult();
        }

        var response = request.HttpContext.Response;
        response.Headers.ETag = ItemETag.Format(result.Version);
        if (result.Status == WriteStatus.Created)
        {
            response.StatusCode = StatusCodes.Status201Created;
            response.Headers.Location = $"/data/{itemKey}";
        }
        // The very bytes a GET of this version returns (the cache's serializer), so the strong ETag names one representation.
        return new JsonBytesResult(ItemJson.Serialize(new Item(itemKey, value!, result.Version)));
    }

    /// <summary>Deletes an item: 204, 404 when no row had the key, or 412 when <c>If-Match</c>/<c>If-None-Match</c> do not hold.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteItem(
        string key, HttpRequest request, CacheService cacheService, ILogger logger, CancellationToken cancellationToken)
    {
        if (!ItemKey.TryParse(key, out var itemKey))
        {
            return Problems.InvalidKey.ToResult();
        }
        if (!Preconditions.AreWellFormed(request.Headers))
        {
            return Problems.InvalidPrecondition.ToResult();
        }

        LogApiDelete(logger, itemKey);
        return (await cacheService.DeleteAsync(itemKey, Preconditions.ForWrite(request.Headers), cancellationToken)).Status switch
        {
            WriteStatus.Deleted => TypedResults.NoContent(),
            WriteStatus.PreconditionFailed => Problems.PreconditionFailed.ToResult(),
            _ => Problems.ItemNotFound(itemKey).ToResult(),
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "API REQUEST for key: {Key}")]
    private static partial void LogApiRequest(ILogger logger, long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "API WRITE for key: {Key}")]
    private static partial void LogApiWrite(ILogger logger, long key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "API DELETE for key: {Key}")]
    private static partial void LogApiDelete(ILogger logger, long key);
}
