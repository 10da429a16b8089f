namespace LruAspire.Api.Infrastructure;

public static class ItemStoreExtensions
{
    /// <summary>
    /// Wires the PostgreSQL item store: the Aspire.Npgsql data source (pooling, health check, tracing, metrics)
    /// for the named connection, the schema initializer and the store itself.
    /// </summary>
    public static IHostApplicationBuilder AddItemStore(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.AddNpgsqlDataSource(connectionName);
        builder.Services.AddOptions<ItemStoreOptions>()
            .BindConfiguration(ItemStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddSingleton<IItemStore, PostgresItemStore>();
        return builder;
    }
}
