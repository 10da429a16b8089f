using Polly;
using Polly.Registry;

namespace LruAspire.Api.Infrastructure;

public static class ItemStoreExtensions
{
    private const int ConnectTimeoutSeconds = 3;

    /// <summary>
    /// Wires the PostgreSQL item store: the Aspire.Npgsql data source (pooling, health check, tracing, metrics)
    /// for the named connection, the schema initializer and the store itself, behind the resilience pipeline.
    /// </summary>
    public static IHostApplicationBuilder AddItemStore(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.AddNpgsqlDataSource(connectionName, configureDataSourceBuilder: dataSource =>
            // Aspire's endpoint proxy accepts connections even while PostgreSQL is down, so an attempt to connect
            // hangs until this timeout (Npgsql's default is 15 s); it bounds /health and abandoned store calls.
            dataSource.ConnectionStringBuilder.Timeout = ConnectTimeoutSeconds);
        builder.Services.AddOptions<ItemStoreOptions>()
            .BindConfiguration(ItemStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<DatabaseInitializer>();

        builder.Services.AddOptions<ItemStoreResilienceOptions>()
            .BindConfiguration(ItemStoreResilienceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddResiliencePipeline(ItemStoreResilience.PipelineName, (pipeline, context) =>
            pipeline.AddItemStoreStrategies(context.GetOptions<ItemStoreResilienceOptions>()));

        builder.Services.AddSingleton<PostgresItemStore>();
        builder.Services.AddSingleton<IItemStore>(services => new ResilientItemStore(
            services.GetRequiredService<PostgresItemStore>(),
            services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(ItemStoreResilience.PipelineName)));
        return builder;
    }
}
