namespace LruAspire.Api.Apis;

/// <summary>
/// A JSON body that is already bytes (a cached item, the metrics), sent with its <c>Content-Length</c> so GET and
/// HEAD answer with the same headers; a HEAD response has no body (RFC 9110 §9.3.2).
/// </summary>
public sealed class JsonBytesResult(byte[] json) : IResult
{
    public const string ContentType = "application/json";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = ContentType;
        response.ContentLength = json.Length;
        return HttpMethods.IsHead(httpContext.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(json, httpContext.RequestAborted).AsTask();
    }
}
