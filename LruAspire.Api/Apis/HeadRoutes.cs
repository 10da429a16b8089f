namespace LruAspire.Api.Apis;

/// <summary>HEAD wherever there is a GET (RFC 9110 §9.1: a general-purpose server supports both).</summary>
public static class HeadRoutes
{
    /// <summary>
    /// Maps <paramref name="handler"/> for GET and for HEAD. The handler answers both the same way; its results
    /// leave the body out for HEAD (<see cref="JsonBytesResult"/>), and Kestrel drops any body written to a HEAD
    /// response. The OpenAPI document lists the GET operation only, which says that HEAD is there too.
    /// </summary>
    /// <returns>The GET route, for its name, tags and documentation.</returns>
    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder app, string pattern, Delegate handler)
    {
        app.MapMethods(pattern, [HttpMethods.Head], handler).ExcludeFromDescription();
        return app.MapGet(pattern, handler);
    }
}
