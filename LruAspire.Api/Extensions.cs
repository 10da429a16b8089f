using LruAspire.Api.Apis;
using LruAspire.Api.Cache;
using LruAspire.Api.Store;
using LruAspire.Caching;
using Npgsql;
using OpenTelemetry.Metrics;
using Polly;
using Polly.Registry;
using Polly.Retry;

namespace LruAspire.Api;

/// <summary>
/// The API's one composition root. It builds the seed's chain from the bottom up, in order:
/// PostgreSQL → item store → cache → CacheService → cache coherence → the HTTP APIs.
/// </summary>
public static class Extensions
{
    /// <summary>The connection name of the <c>lrudb</c> database the AppHost references.</summary>
    public const string DatabaseName = "lrudb";

    // Aspire's endpoint proxy accepts connections even while PostgreSQL is down, so an attempt to connect hangs
    // until this timeout (Npgsql's default is 15 s); it bounds /health and abandoned store calls.
    private const int ConnectTimeoutSeconds = 3;

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // PostgreSQL: Aspire.Npgsql's pooled data source (health check, tracing, metrics) and the schema.
        builder.AddNpgsqlDataSource(DatabaseName, configureDataSourceBuilder: dataSource =>
            dataSource.ConnectionStringBuilder.Timeout = ConnectTimeoutSeconds);
        services.AddOptions<ItemStoreOptions>().BindConfiguration(ItemStoreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ItemSchema>();

        // Item store: PostgreSQL behind the resilience pipeline, wrapped in its spans and fetch histogram.
        services.AddOptions<ItemStoreResilienceOptions>().BindConfiguration(ItemStoreResilienceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddResiliencePipeline(ItemStoreResilience.PipelineName, (pipeline, context) =>
            pipeline.AddItemStoreStrategies(context.GetOptions<ItemStoreResilienceOptions>()));
        services.AddSingleton<ItemStoreTelemetry>();
        services.AddSingleton<IItemStore>(sp => new InstrumentedItemStore(
            new ResilientItemStore(
                new PostgresItemStore(sp.GetRequiredService<NpgsqlDataSource>()),
                sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(ItemStoreResilience.PipelineName)),
            sp.GetRequiredService<ItemStoreTelemetry>()));

        // Cache: the engine (section "Cache") holding each item's JSON body, sized by its length, and its meters.
        services.AddOptions<LruCacheOptions>().BindConfiguration("Cache");
        services.AddLruCache<long, byte[]>(static json => json.Length);
        services.AddSingleton<CacheMetrics>();
        // Observable instruments exist only once CacheMetrics is built; building it with the meter provider puts
        // the cache on the dashboard from the start instead of after the first request.
        services.ConfigureOpenTelemetryMeterProvider((sp, _) => sp.GetRequiredService<CacheMetrics>());

        // CacheService: cache-aside over the two.
        services.AddSingleton<CacheService>();

        // Coherence: a LISTEN connection that evicts what other replicas write.
        AddCacheCoherence(builder);

        // The HTTP APIs: options, JSON, problem details, the 503 mapping, OpenAPI, Kestrel's limits.
        services.AddOptions<DataApiOptions>().BindConfiguration(DataApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddApiJson();
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.AddApiDocumentation();
        // Kestrel reads only endpoints from the "Kestrel" section; binding its limits lets appsettings.json set them.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            builder.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));
        return builder;
    }

    /// <summary>Maps every endpoint: the data and metrics APIs, health checks and the API documentation.</summary>
    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapDataApi();
        app.MapMetricsApi();
        app.MapDefaultEndpoints();
        app.MapApiDocumentation();
        return app;
    }

    private static void AddCacheCoherence(IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseName)
            ?? throw new InvalidOperationException($"Connection string '{DatabaseName}' is missing.");
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
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ItemInvalidationListener>());
        builder.Services.AddHealthChecks().AddCheck<ItemInvalidationHealthCheck>("item-invalidation");
    }
}
