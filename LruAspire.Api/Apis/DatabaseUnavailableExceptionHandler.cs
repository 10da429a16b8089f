using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace LruAspire.Api.Apis;

/// <summary>
/// Turns "the database cannot answer right now" into 503 ProblemDetails with <c>Retry-After</c>: an open circuit,
/// a full queue toward the database, a timed-out call or a transient PostgreSQL error. Any other exception is
/// left to the default handler, which answers 500 ProblemDetails; neither carries exception details.
/// </summary>
public sealed partial class DatabaseUnavailableExceptionHandler(ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (RetryAfter(exception) is not { } retryAfter)
        {
            return false;
        }

        // The type is enough to tell an outage from overload; messages can name hosts and ports.
        LogDatabaseUnavailable(exception.GetType().Name);
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Problems.DatabaseUnavailable.ToResult().ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>How long the client should wait before retrying, or null when the database is not the cause.</summary>
    public static TimeSpan? RetryAfter(Exception exception) => exception switch
    {
        BrokenCircuitException broken => broken.RetryAfter ?? DefaultRetryAfter,
        RateLimiterRejectedException rejected => rejected.RetryAfter ?? DefaultRetryAfter,
        TimeoutRejectedException => DefaultRetryAfter,
        NpgsqlException { IsTransient: true } => DefaultRetryAfter,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item store unavailable ({ExceptionType}); answered 503")]
    private partial void LogDatabaseUnavailable(string exceptionType);
}
