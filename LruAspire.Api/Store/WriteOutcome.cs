using System.Net.Sockets;
using Npgsql;
using Polly.Timeout;

namespace LruAspire.Api.Store;

/// <summary>Tells a failed write whose outcome is unknown from one that is known not to have been applied.</summary>
public static class WriteOutcome
{
    /// <summary>
    /// True when the write may have committed although it failed: it timed out, or its connection broke mid-call,
    /// so the statement may be sitting in the server's socket (a hung server runs it when it resumes). False when
    /// the failure proves nothing was applied: PostgreSQL answered with an error (a single-statement write's
    /// implicit transaction then rolled back), the connection was refused, or the call never left the API (an open
    /// circuit, a full queue); and false for errors that are not about reaching the database at all.
    /// </summary>
    public static bool IsUnknown(Exception exception) => exception switch
    {
        TimeoutRejectedException => true,
        PostgresException => false,
        NpgsqlException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => false,
        NpgsqlException => true,
        _ => false,
    };
}
