using LruAspire.Api.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace LruAspire.Api.Apis;

public static partial class DataApi
{
    public const string CacheHeader = "X-Cache";

    public static IEndpointRouteBuilder MapDataApi(this IEndpointRouteBuilder app)
    {
        // One logger for the route group, created once rather than looked up on every request.
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataApi).FullName!);
        var group = app.MapGroup("/data").WithTags("Data");
        group.MapGet("/{key}", (string key, HttpContext context, CacheService cacheService, CancellationToken cancellationToken) =>
                GetItem(key, context, cacheService, logger, cancellationToken))
            .WithName("GetItem");
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

        var bypass = context.Request.GetTypedHeaders().CacheControl?.NoCache == true;
        var lookup = await cacheService.GetAsync(itemKey, bypass, cancellationToken);
        context.Response.Headers[CacheHeader] = lookup.Outcome switch
        {
            CacheOutcome.Hit => "HIT",
            CacheOutcome.Miss => "MISS",
            _ => "BYPASS",
        };

        return lookup.Json is { } json
            ? TypedResults.Bytes(json, "application/json")
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Item not found",
                detail: $"No item has key {itemKey}.");
    }

    internal static ProblemHttpResult InvalidKey() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid key",
            detail: "The key must be a positive 64-bit integer written in decimal digits (1 to 9223372036854775807).");

    [LoggerMessage(Level = LogLevel.Debug, Message = "API REQUEST for key: {Key}")]
    private static partial void LogApiRequest(ILogger logger, long key);
}
