using Npgsql;
using Polly;
using Polly.Retry;

namespace LruAspire.Api.Infrastructure;

public static class ItemInvalidationExtensions
{
    /// <summary>
    /// Wires cross-instance cache invalidation: a dedicated, unpooled data source for the named connection (its
    /// <c>application_name</c> is <see cref="ItemInvalidationListener.ApplicationName"/>), the reconnect pipeline,
    /// the listener, its health check and its metrics.
    /// </summary>
    public static IHostApplicationBuilder AddItemInvalidation(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"Connection string '{connectionName}' is missing.");
        var listenerConnection = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = ItemInvalidationListener.ApplicationName,
            // One long-lived connection, outside the request pool so it never competes with queries.
            Pooling = false,
            // An idle LISTEN connection would not notice a silently dead peer; keepalive queries make it fail.
            KeepAlive = 10,
        };
        builder.Services.AddKeyedSingleton(ItemInvalidationListener.DataSourceKey, (_, _) => NpgsqlDataSource.Create(listenerConnection));

        builder.Services.AddResiliencePipeline(ItemInvalidationListener.PipelineName, pipeline => pipeline.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<TimeoutException>(),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
            MaxDelay = TimeSpan.FromSeconds(5),
        }));

        builder.Services.AddSingleton<ItemInvalidationMetrics>();
        builder.Services.AddSingleton<ItemInvalidationListener>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ItemInvalidationListener>());
        builder.Services.AddHealthChecks().AddCheck<ItemInvalidationHealthCheck>("item-invalidation");
        return builder;
    }
}
