using LruAspire.Api.Apis;
using LruAspire.Api.Cache;
using LruAspire.Api.Store;
using LruAspire.Caching;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
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

        // Cache: the engine (section "Cache") holding each item's JSON body and entity tag, sized by the body. It is
        // wrapped so that every lookup asks CacheCoherence first: while the invalidation listener is blind and the
        // database still answers, reads bypass the cache (docs/coherence.md). Then its meters.
        services.AddOptions<LruCacheOptions>().BindConfiguration("Cache").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CacheCoherence>();
        services.AddSingleton<ILruCache<long, CachedItem>>(sp => new CoherentLruCache<long, CachedItem>(
            new LruCache<long, CachedItem>(sp.GetRequiredService<IOptions<LruCacheOptions>>().Value, TimeProvider.System, CachedItem.SizeOf),
            sp.GetRequiredService<CacheCoherence>()));
        services.AddSingleton<CacheMeter>();
        // Observable instruments exist only once CacheMeter is built; building it with the meter provider puts
        // the cache on the dashboard from the start instead of after the first request.
        services.ConfigureOpenTelemetryMeterProvider((sp, _) => sp.GetRequiredService<CacheMeter>());

        // CacheService: cache-aside over the two.
        services.AddSingleton<CacheService>();

        // Coherence: a LISTEN connection that evicts what other replicas write.
        AddCacheCoherence(builder);

        // The HTTP APIs: options, JSON, problem details, the 4xx and 503 mappings of exceptions, OpenAPI, Kestrel's limits.
        services.AddOptions<DataApiOptions>().BindConfiguration(DataApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddApiJson();
        services.AddProblemDetails();
        services.AddExceptionHandler<UnreadableRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.AddApiDocumentation();
        // Kestrel reads only endpoints from the "Kestrel" section; binding its limits lets appsettings.json set them.
        services.Configure<KestrelServerOptions>(kestrel =>
            builder.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));
        return builder;
    }

    /// <summary>Maps every endpoint: the data and metrics APIs, health checks and the API documentation.</summary>
    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        // A problem for every status set without a body (no route, wrong method), whatever the client's Accept says:
        // the default writer would fall back to text/plain for a client that accepts only text/html.
        app.UseStatusCodePages(static context =>
            Problems.ForStatus(context.HttpContext.Response.StatusCode).ToResult().ExecuteAsync(context.HttpContext));
        app.MapDataApi();
        app.MapMetricsApi();
        app.MapDefaultEndpoints();
        app.MapApiDocumentation();
        return app;
    }

    private static void AddCacheCoherence(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.Configuration.GetConnectionString(DatabaseName)
            ?? throw new InvalidOperationException($"Connection string '{DatabaseName}' is missing.");
        services.AddOptions<ItemInvalidationOptions>().BindConfiguration(ItemInvalidationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddKeyedSingleton(ItemInvalidationListener.DataSourceKey, (sp, _) =>
            NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<ItemInvalidationOptions>>().Value.ListenerConnectionString(connectionString)));
        services.AddSingleton(_ => new DatabaseProbe(NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = DatabaseProbe.ApplicationName,
            Pooling = false,
            Timeout = ConnectTimeoutSeconds,
        }.ConnectionString)));
        services.AddResiliencePipeline(ItemInvalidationListener.PipelineName, pipeline => pipeline.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<TimeoutException>(),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
            MaxDelay = TimeSpan.FromSeconds(5),
        }));

        services.AddSingleton<ItemInvalidationMeter>();
        services.AddSingleton<ItemInvalidationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ItemInvalidationListener>());
        services.AddHealthChecks().AddCheck<ItemInvalidationHealthCheck>("item-invalidation");
    }
}
