using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LruAspire.Api.Apis;

/// <summary>A request parameter: a route parameter described in place, or a header the handler reads by hand.</summary>
/// <param name="Name">The route parameter's or header's name.</param>
/// <param name="In">Where the parameter goes.</param>
/// <param name="Description">What it means and which values it takes.</param>
/// <param name="Example">An example value, filled in by the "try it" form at <c>/docs</c>.</param>
/// <param name="Required">Whether a request without it is refused.</param>
public sealed record ParameterDoc(string Name, ParameterLocation In, string Description, string? Example = null, bool Required = false);

/// <summary>A response header the client can rely on, such as <c>X-Cache</c>.</summary>
public sealed record HeaderDoc(string Name, string Description);

/// <summary>One response of an operation: its status, when it happens, and its body's type and example.</summary>
public sealed record ResponseDoc(int Status, string Description, Type? Body = null, string? Example = null)
{
    /// <summary>Response headers the client can rely on.</summary>
    public IReadOnlyList<HeaderDoc> Headers { get; init; } = [];

    /// <summary>A problem response whose example is built from the very <see cref="ApiProblem"/> the API sends.</summary>
    public static ResponseDoc Problem(ApiProblem problem, string description) =>
        new(problem.Status, description, typeof(ProblemDetails), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = $"https://tools.ietf.org/html/rfc9110#section-{Rfc9110Section(problem.Status)}",
            ["title"] = problem.Title,
            ["status"] = problem.Status,
            ["detail"] = problem.Detail,
            ["trace_id"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        }));

    // The sections ASP.NET Core's ProblemDetails defaults link to as the "type" of each status.
    private static string Rfc9110Section(int status) => status switch
    {
        400 => "15.5.1",
        401 => "15.5.2",
        403 => "15.5.4",
        404 => "15.5.5",
        412 => "15.5.13",
        413 => "15.5.14",
        415 => "15.5.16",
        503 => "15.6.4",
        504 => "15.6.5",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Add the status's RFC 9110 section."),
    };
}

/// <summary>Documents an operation inline, on its route: summary, description, parameters and every response.</summary>
public static class OperationDocs
{
    /// <summary>
    /// Sets the summary and description and replaces ApiExplorer's guessed responses (e.g. a bare 200 for a
    /// handler that returns raw bytes) with the complete documented list.
    /// </summary>
    public static RouteHandlerBuilder WithDocs(
        this RouteHandlerBuilder route, string summary, string description,
        IReadOnlyList<ParameterDoc> parameters, IReadOnlyList<ResponseDoc> responses, string? requestExample = null) =>
        route.WithSummary(summary).WithDescription(description).AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            foreach (var parameter in parameters)
            {
                Describe(operation, parameter);
            }
            if (requestExample is not null && operation.RequestBody?.Content is { } requestContent)
            {
                foreach (var mediaType in requestContent.Values.OfType<OpenApiMediaType>())
                {
                    mediaType.Example = JsonNode.Parse(requestExample);
                }
            }
            operation.Responses = [];
            foreach (var response in responses)
            {
                operation.Responses[response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                    await CreateResponseAsync(response, context, cancellationToken);
            }
        });

    private static void Describe(OpenApiOperation operation, ParameterDoc doc)
    {
        operation.Parameters ??= [];
        var parameter = operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == doc.Name && p.In == doc.In);
        if (parameter is null)
        {
            parameter = new OpenApiParameter { Name = doc.Name, In = doc.In, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            operation.Parameters.Add(parameter);
        }
        parameter.Description = doc.Description;
        parameter.Required = doc.Required;
        parameter.Example = doc.Example is null ? null : JsonValue.Create(doc.Example);
    }

    private static async Task<OpenApiResponse> CreateResponseAsync(ResponseDoc doc, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var response = new OpenApiResponse { Description = doc.Description };
        if (doc.Body is { } body)
        {
            var contentType = body == typeof(ProblemDetails) ? "application/problem+json" : "application/json";
            response.Content = new Dictionary<string, OpenApiMediaType>
            {
                [contentType] = new()
                {
                    Schema = await SchemaReferenceAsync(body, context, cancellationToken),
                    Example = doc.Example is null ? null : JsonNode.Parse(doc.Example),
                },
            };
        }
        if (doc.Headers.Count > 0)
        {
            response.Headers = doc.Headers.ToDictionary(
                header => header.Name,
                IOpenApiHeader (header) => new OpenApiHeader { Description = header.Description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
        }
        return response;
    }

    /// <summary>A <c>$ref</c> to the body type's schema under <c>components</c>, added there on first use.</summary>
    private static async Task<IOpenApiSchema> SchemaReferenceAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The OpenAPI document is not available to the transformer.");
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            document.AddComponent<IOpenApiSchema>(type.Name, await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken));
        }
        return new OpenApiSchemaReference(type.Name, document);
    }
}
