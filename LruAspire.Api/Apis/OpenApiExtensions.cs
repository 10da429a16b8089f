using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace LruAspire.Api.Apis;

public static class OpenApiExtensions
{
    private const string UiPath = "/docs";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Data"] = "The items, read through the cache (and written to PostgreSQL).",
        ["Metrics"] = "How the cache is doing.",
    };

    /// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) with every operation described and exemplified.</summary>
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "LruAspire API";
                document.Info.Description =
                    "A cache layer in front of PostgreSQL: reads go through an in-process LRU cache (`X-Cache` says " +
                    "whether it hit), writes go to PostgreSQL and invalidate the cache on every replica. Errors are " +
                    "RFC 9457 problem details.";
                foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
                {
                    tag.Description = TagDescriptions.GetValueOrDefault(tag.Name ?? "");
                }
                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// Serves the document and, at <c>/docs</c>, Scalar's interactive reference (the seed's FastAPI had its UI
    /// there). Both are public in every environment: the API has no private operations, and the deployed API is
    /// explored in a browser.
    /// </summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        // HEAD as well as GET (RFC 9110 §9.1); Kestrel sends no body with a HEAD response.
        var getAndHead = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);
        app.MapOpenApi().WithMetadata(getAndHead);
        app.MapScalarApiReference(UiPath, options =>
        {
            options.Title = "LruAspire API";
            // The page is public once deployed: no usage pings, no third-party AI chat, no Scalar dev toolbar.
            options.Telemetry = false;
            options.Agent = new ScalarAgentOptions { Disabled = true };
            options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
        }).WithMetadata(getAndHead);
        return app;
    }
}
