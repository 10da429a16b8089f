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
/// Notifications sent while the connection is down are lost, so after every (re)connect — once <c>LISTEN</c> is
/// active, so nothing written from then on can be missed — the whole cache is cleared. Reconnecting goes through
/// the <see cref="PipelineName"/> resilience pipeline (exponential backoff with jitter, without end).
/// </remarks>
public sealed partial class ItemInvalidationListener(
    [FromKeyedServices(ItemInvalidationListener.DataSourceKey)] NpgsqlDataSource dataSource,
    CacheService cacheService,
    ItemInvalidationMetrics metrics,
    ResiliencePipelineProvider<string> pipelines,
    ILogger<ItemInvalidationListener> logger) : BackgroundService
{
    /// <summary>The listener connection's <c>application_name</c>, to find it in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "lruaspire-invalidation";
    public const string DataSourceKey = "item-invalidation";
    public const string PipelineName = "item-invalidation-connect";

    private volatile bool _connected;
    private bool _everConnected;

    /// <summary>Whether notifications are being received right now; while not, the cache may serve stale values.</summary>
    public bool IsConnected => _connected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connect = pipelines.GetPipeline(PipelineName);
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var connection = await connect.ExecuteAsync(ConnectAsync, stoppingToken);
            try
            {
                // Notifications are raised from inside WaitAsync; it returns after each one and throws when the
                // connection breaks (server restart, pg_terminate_backend, network loss detected by keepalive).
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogDisconnected(ex);
            }
            finally
            {
                _connected = false;
            }
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
        _connected = true;
        LogListening(ItemChannel.Name);
        return connection;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unexpected invalidation payload {Payload}; cache cleared")]
    private partial void LogUnexpectedPayload(string payload);
}
