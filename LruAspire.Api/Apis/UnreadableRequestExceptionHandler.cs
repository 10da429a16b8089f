using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Diagnostics;

namespace LruAspire.Api.Apis;

/// <summary>
/// Answers what Kestrel throws while a handler reads a request it cannot read, instead of the default handler's
/// 500 and error-level stack trace: the <see cref="BadHttpRequestException"/> family — a body that ends before its
/// <c>Content-Length</c>, malformed chunks, a body too slow or too large — gets the exception's own 4xx as
/// ProblemDetails; a client that reset or dropped its connection mid-body gets 499 (Client Closed Request), which
/// nobody receives, and the connection is closed. Both are the client's doing, so they are logged at Debug, without a stack trace.
/// </summary>
/// <remarks>
/// ASP.NET Core's exception handler already treats an I/O error as a client abort when the request's abort token
/// is set, but a reset can surface from the body read a moment before that token fires; the exception type says
/// what happened either way.
/// </remarks>
public sealed partial class UnreadableRequestExceptionHandler(ILogger<UnreadableRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case BadHttpRequestException badRequest:
                // Kestrel's statuses here are 4xx; anything else is still the client's fault, never a 5xx.
                var status = badRequest.StatusCode is >= 400 and < 500 ? badRequest.StatusCode : StatusCodes.Status400BadRequest;
                LogUnreadableRequest(status, badRequest.Message);
                if (httpContext.RequestAborted.IsCancellationRequested)
                {
                    httpContext.Response.StatusCode = status; // the client is gone: nobody would read a body
                    return true;
                }
                await Problems.UnreadableRequest(status).ToResult().ExecuteAsync(httpContext);
                return true;
            case ConnectionResetException or ConnectionAbortedException:
                LogClientGone(exception.GetType().Name);
                httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
                // Close our side too: otherwise Kestrel would try to drain the rest of a body that will never come.
                httpContext.Abort();
                return true;
            default:
                return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request could not be read ({StatusCode}): {Reason}")]
    private partial void LogUnreadableRequest(int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Client left in the middle of its request ({ExceptionType}); answered 499")]
    private partial void LogClientGone(string exceptionType);
}
