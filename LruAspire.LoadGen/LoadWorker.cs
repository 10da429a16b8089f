using Microsoft.Extensions.Options;

namespace LruAspire.LoadGen;

/// <summary>
/// Sends a gentle, steady stream of reads to the API so the dashboard shows the cache at work from the moment
/// the AppHost starts. Bounded: it stops after <see cref="LoadOptions.Duration"/>.
/// </summary>
public sealed partial class LoadWorker(ApiClient api, IOptions<LoadOptions> options, ILogger<LoadWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / settings.RequestsPerSecond));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(settings.Duration);

        long sent = 0, failed = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(deadline.Token))
            {
                var key = Random.Shared.NextInt64(1, settings.KeySpace + 1);
                var status = await SafeGetAsync(key, deadline.Token);
                sent++;
                if (status is < 200 or >= 500)
                {
                    failed++;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
        }
        LogFinished(sent, failed);
    }

    private async Task<int> SafeGetAsync(long key, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetItemAsync(key, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            LogRequestFailed(key, ex.Message);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Load run finished: {Sent} requests, {Failed} failed")]
    private partial void LogFinished(long sent, long failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request for key {Key} failed: {Error}")]
    private partial void LogRequestFailed(long key, string error);
}
