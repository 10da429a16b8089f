using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace LruAspire.Api.Cache;

/// <summary>The invalidation listener's connection (configuration section <c>ItemInvalidation</c>).</summary>
public sealed class ItemInvalidationOptions
{
    public const string SectionName = "ItemInvalidation";

    // Seconds; connecting and LISTEN each take milliseconds on a healthy route.
    private const int ConnectTimeoutSeconds = 3;
    private const int CommandTimeoutSeconds = 3;

    /// <summary>
    /// Seconds of silence after which the listener checks that its session is alive: Npgsql sends a Sync
    /// message on the <c>LISTEN</c> connection and waits the same time for PostgreSQL's ReadyForQuery. A dead or
    /// half-open connection (the session gone, the socket open and silent: a NAT or proxy timeout, a failover)
    /// is therefore noticed within twice this. One round trip per second of silence costs nothing measurable.
    /// </summary>
    [Range(1, 60)]
    public int KeepAliveSeconds { get; set; } = 1;

    /// <summary>
    /// Where the listener connects when that differs from the database's connection string, e.g. PostgreSQL
    /// itself when the pooled connections go through a transaction-mode pooler (PgBouncer), where <c>LISTEN</c>
    /// does not work; the functional tests use it to put a fault-injecting proxy on this one connection. Unset:
    /// the connection string's host.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>The port that goes with <see cref="Host"/>; unset: the connection string's port.</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>The listener's connection string, derived from the database's (same credentials and database).</summary>
    /// <param name="databaseConnectionString">The <c>lrudb</c> connection string.</param>
    public string ListenerConnectionString(string databaseConnectionString)
    {
        var listener = new NpgsqlConnectionStringBuilder(databaseConnectionString)
        {
            ApplicationName = ItemInvalidationListener.ApplicationName,
            // One long-lived connection, outside the request pool so it never competes with queries.
            Pooling = false,
            KeepAlive = KeepAliveSeconds,
            // A route that accepts TCP but never answers (a hung server, a dead proxy) must not hold each reconnect
            // attempt for Npgsql's default 15 s.
            Timeout = ConnectTimeoutSeconds,
            // LISTEN answers at once; a route that opened and then went silent must not hold it for the default 30 s.
            CommandTimeout = CommandTimeoutSeconds,
        };
        listener.Host = Host ?? listener.Host;
        listener.Port = Port ?? listener.Port;
        return listener.ConnectionString;
    }
}
