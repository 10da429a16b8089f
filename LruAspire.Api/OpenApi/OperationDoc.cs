using Microsoft.OpenApi;

namespace LruAspire.Api.OpenApi;

/// <summary>What the OpenAPI document says about one operation, beyond what the endpoint's signature tells.</summary>
/// <param name="Summary">One line, shown in the operation list at <c>/docs</c>.</param>
/// <param name="Description">What the operation does and when each response happens (Markdown).</param>
/// <param name="Responses">Every status the operation can answer with.</param>
public sealed record OperationDoc(string Summary, string Description, IReadOnlyList<ResponseDoc> Responses)
{
    /// <summary>
    /// Route parameters (described in place) and request headers the handler reads, such as
    /// <c>Cache-Control</c> or <c>X-Api-Key</c> (added, as the handler's signature does not show them).
    /// </summary>
    public IReadOnlyList<ParameterDoc> Parameters { get; init; } = [];

    /// <summary>An example request body (JSON), for operations that take one.</summary>
    public string? RequestExample { get; init; }
}

/// <summary>One response of an operation.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Description">When this response happens.</param>
/// <param name="Body">The body's type; <c>ProblemDetails</c> is served as <c>application/problem+json</c>.</param>
/// <param name="Example">An example body (JSON).</param>
public sealed record ResponseDoc(int Status, string Description, Type? Body = null, string? Example = null)
{
    /// <summary>Response headers the client can rely on, such as <c>X-Cache</c>.</summary>
    public IReadOnlyList<HeaderDoc> Headers { get; init; } = [];
}

/// <summary>A request parameter.</summary>
/// <param name="Name">The route parameter's or header's name.</param>
/// <param name="In">Where the parameter goes.</param>
/// <param name="Description">What it means and which values it takes.</param>
/// <param name="Example">An example value, filled in by the "try it" form at <c>/docs</c>.</param>
/// <param name="Required">Whether a request without it is refused.</param>
public sealed record ParameterDoc(string Name, ParameterLocation In, string Description, string? Example = null, bool Required = false);

/// <summary>A response header.</summary>
public sealed record HeaderDoc(string Name, string Description);
