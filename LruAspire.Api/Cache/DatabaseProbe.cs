using Npgsql;

namespace LruAspire.Api.Cache;

/// <summary>
/// Answers "does PostgreSQL answer this replica at all?", the question that decides what a blind invalidation
/// listener does with the cache (<see cref="CoherenceState"/>): a new connection and <c>SELECT 1</c>, within
/// <see cref="Deadline"/>.
/// </summary>
/// <remarks>
/// A new connection, not one from the pool: when PostgreSQL shuts down it refuses new connections before it
/// terminates the sessions, so the listener's "terminating connection" error always finds new connections
/// refused; a pooled session whose backend has not yet been told to exit could still answer, and the replica
/// would wrongly clear the cache at the start of an outage. Accepting a new session is also what another
/// replica needs in order to write.
/// </remarks>
public sealed class DatabaseProbe(NpgsqlDataSource unpooledDataSource) : IAsyncDisposable
{
    /// <summary>The probe connections' <c>application_name</c>, to tell them apart in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "lruaspire-probe";

    /// <summary>How long the probe waits; a hung server (SIGSTOP) accepts the TCP connection and never answers.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    /// <summary>True when a new session ran <c>SELECT 1</c> within <see cref="Deadline"/>.</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Npgsql may not notice cancellation while it connects to a silent server; stop waiting regardless.
            return await SelectOneAsync(cancellationToken).WaitAsync(Deadline, cancellationToken);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => unpooledDataSource.DisposeAsync();

    // Never throws for an unreachable server, so an abandoned probe ends quietly when Npgsql gives up on its own.
    private async Task<bool> SelectOneAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            await using var connection = await unpooledDataSource.OpenConnectionAsync(deadline.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return await command.ExecuteScalarAsync(deadline.Token) is 1;
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }
}
