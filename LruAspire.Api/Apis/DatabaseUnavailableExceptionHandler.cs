using System.Globalization;
using LruAspire.Api.Store;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace LruAspire.Api.Apis;

/// <summary>
/// Turns "the database cannot answer right now" into ProblemDetails with <c>Retry-After</c>: 503 for an open
/// circuit, a full queue toward the database, a timed-out read or a transient PostgreSQL error (nothing was
/// applied), and 504 for a write whose outcome is unknown (<see cref="WriteOutcomeUnknownException"/>). Any other
/// exception is left to the default handler, which answers 500 ProblemDetails; none carries exception details.
/// </summary>
public sealed partial class DatabaseUnavailableExceptionHandler(ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Answer(exception) is not ({ } problem, var retryAfter))
        {
            return false;
        }

        // The type is enough to tell an outage from overload; messages can name hosts and ports.
        LogDatabaseUnavailable(exception.GetType().Name, problem.Status);
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await problem.ToResult().ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The problem to answer and how long the client should wait, or null when the database is not the cause.</summary>
    public static (ApiProblem Problem, TimeSpan RetryAfter)? Answer(Exception exception) => exception is WriteOutcomeUnknownException
        ? (Problems.WriteOutcomeUnknown, DefaultRetryAfter)
        : RetryAfter(exception) is { } retryAfter ? (Problems.DatabaseUnavailable, retryAfter) : null;

    /// <summary>How long the client should wait before retrying, or null when the database is not the cause.</summary>
    public static TimeSpan? RetryAfter(Exception exception) => exception switch
    {
        BrokenCircuitException broken => broken.RetryAfter ?? DefaultRetryAfter,
        RateLimiterRejectedException rejected => rejected.RetryAfter ?? DefaultRetryAfter,
        TimeoutRejectedException => DefaultRetryAfter,
        NpgsqlException { IsTransient: true } => DefaultRetryAfter,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item store unavailable ({ExceptionType}); answered {Status}")]
    private partial void LogDatabaseUnavailable(string exceptionType, int status);
}
