using LruAspire.Api.Store;
using Npgsql;
using Polly;
using Polly.Registry;

namespace LruAspire.Api.Cache;

/// <summary>
/// Keeps this instance's cache coherent with writes made by every instance: holds one dedicated connection that
/// <c>LISTEN</c>s on <see cref="ItemChannel"/> and evicts each key PostgreSQL reports as changed.
/// </summary>
/// <remarks>
/// <para>
/// Notifications sent while the connection is down are lost, so after every (re)connect — once <c>LISTEN</c> is
/// active, so nothing written from then on can be missed — the whole cache is cleared. Reconnecting goes through
/// the <see cref="PipelineName"/> resilience pipeline (exponential backoff with jitter, without end).
/// </para>
/// <para>
/// A connection can also die silently (half-open). Npgsql's keepalive checks the session after
/// <see cref="ItemInvalidationOptions.KeepAliveSeconds"/> of silence and breaks the connection when PostgreSQL
/// does not answer within the same time. Whenever the listener is blind — disconnected, or unable to reconnect —
/// it asks <see cref="DatabaseProbe"/> whether the database still answers: if it does, other replicas may be
/// writing unheard, so the cache is cleared and bypassed (<see cref="CoherenceState.BlindBypassingCache"/>); if
/// it does not, nobody can write, so the cache keeps serving (<see cref="CoherenceState.BlindKeepingCache"/>).
/// </para>
/// </remarks>
public sealed partial class ItemInvalidationListener(
    [FromKeyedServices(ItemInvalidationListener.DataSourceKey)] NpgsqlDataSource dataSource,
    DatabaseProbe databaseProbe,
    CacheService cacheService,
    CacheCoherence coherence,
    ItemInvalidationMeter metrics,
    ResiliencePipelineProvider<string> pipelines,
    ILogger<ItemInvalidationListener> logger) : BackgroundService
{
    /// <summary>The listener connection's <c>application_name</c>, to find it in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "lruaspire-invalidation";
    public const string DataSourceKey = "item-invalidation";
    public const string PipelineName = "item-invalidation-connect";

    private bool _everConnected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connect = pipelines.GetPipeline(PipelineName);
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var connection = await connect.ExecuteAsync(ConnectOrAssessAsync, stoppingToken);
            try
            {
                // Notifications are raised from inside WaitAsync; it returns after each one and throws when the
                // connection breaks (server restart, pg_terminate_backend) or a keepalive goes unanswered.
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogDisconnected(ex);
                coherence.State = CoherenceState.BlindKeepingCache;
                await AssessBlindnessAsync(stoppingToken);
            }
        }
    }

    private async ValueTask<NpgsqlConnection> ConnectOrAssessAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ConnectAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Still blind: the database may have come back (or become reachable) while the listener's route has not.
            await AssessBlindnessAsync(cancellationToken);
            throw;
        }
    }

    private async ValueTask<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            connection.Notification += OnNotification;
            await using var listen = new NpgsqlCommand($"LISTEN {ItemChannel.Name}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        cacheService.InvalidateAll();
        metrics.Flushed();
        if (_everConnected)
        {
            metrics.Reconnected();
        }
        _everConnected = true;
        coherence.State = CoherenceState.Listening;
        LogListening(ItemChannel.Name);
        return connection;
    }

    /// <summary>
    /// Decides what a blind replica does with its cache. Once the cache is bypassed it stays bypassed until the
    /// listener hears again, so the probe runs only while the cache is still being served.
    /// </summary>
    private async Task AssessBlindnessAsync(CancellationToken cancellationToken)
    {
        if (coherence.State == CoherenceState.BlindBypassingCache || !await databaseProbe.AnswersAsync(cancellationToken))
        {
            return;
        }
        // Bypass first, then clear: a lookup that starts in between must not refill the cache, and the clear
        // detaches loads already in flight so that they do not either.
        coherence.State = CoherenceState.BlindBypassingCache;
        cacheService.InvalidateAll();
        metrics.Flushed();
        LogBypassing();
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        metrics.NotificationReceived();
        if (long.TryParse(e.Payload, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key))
        {
            cacheService.Invalidate(key);
            return;
        }
        // Not ours to understand, but something changed: forgetting everything is the safe answer.
        LogUnexpectedPayload(e.Payload);
        cacheService.InvalidateAll();
        metrics.Flushed();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for item changes on channel {Channel}; cache cleared")]
    private partial void LogListening(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invalidation listener lost its connection; reconnecting")]
    private partial void LogDisconnected(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invalidation listener is blind while the database answers; cache cleared, reads bypass it until the listener reconnects")]
    private partial void LogBypassing();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unexpected invalidation payload {Payload}; cache cleared")]
    private partial void LogUnexpectedPayload(string payload);
}
