using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LruAspire.Api.OpenApi;

/// <summary>Writes <see cref="ApiOperationDocs"/> into each operation of the generated OpenAPI document.</summary>
internal sealed class OperationDocsTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var route = $"{context.Description.HttpMethod} /{context.Description.RelativePath}";
        if (!ApiOperationDocs.All.TryGetValue(route, out var doc))
        {
            return; // left undescribed on purpose: the OpenAPI test names the operation that lacks a doc
        }

        operation.Summary = doc.Summary;
        operation.Description = doc.Description;

        foreach (var parameter in doc.Parameters)
        {
            Describe(operation, parameter);
        }

        if (doc.RequestExample is not null && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var mediaType in requestContent.Values.OfType<OpenApiMediaType>())
            {
                mediaType.Example = JsonNode.Parse(doc.RequestExample);
            }
        }

        // The documented statuses are the complete list: ApiExplorer's guesses (e.g. a bare 200 for a handler
        // that returns raw bytes) are replaced.
        operation.Responses = [];
        foreach (var response in doc.Responses)
        {
            operation.Responses[response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                await CreateResponseAsync(response, context, cancellationToken);
        }
    }

    /// <summary>Describes a route parameter the endpoint already declares, or adds a header it reads by hand.</summary>
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
