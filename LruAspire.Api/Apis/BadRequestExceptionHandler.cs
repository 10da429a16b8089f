using Microsoft.AspNetCore.Diagnostics;

namespace LruAspire.Api.Apis;

/// <summary>
/// Answers what Kestrel and ASP.NET Core throw when a request cannot be read — the
/// <see cref="BadHttpRequestException"/> family: a body that ends before its <c>Content-Length</c> (a client that
/// went away mid-upload), one that arrives too slowly or is too large — with the exception's own 4xx status as
/// ProblemDetails, instead of the default handler's 500. These are the client's doing, not the server's, so they
/// are logged at Debug, without a stack trace, and never as errors.
/// </summary>
public sealed partial class BadRequestExceptionHandler(ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        // Kestrel's statuses here are 4xx; anything else is still the client's fault, never a 5xx.
        var status = badRequest.StatusCode is >= 400 and < 500 ? badRequest.StatusCode : StatusCodes.Status400BadRequest;
        LogUnreadableRequest(status, badRequest.Message);
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client is gone: nobody would read a body.
            httpContext.Response.StatusCode = status;
            return true;
        }
        await Problems.UnreadableRequest(status).ToResult().ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request could not be read ({StatusCode}): {Reason}")]
    private partial void LogUnreadableRequest(int statusCode, string reason);
}
