using LruAspire.LoadGen.CacheApi;
using LruAspire.LoadGen.Runs;
using LruAspire.LoadGen.Scenarios;
using LruAspire.LoadGen.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace LruAspire.LoadGen;

public static class LoadGeneratorExtensions
{
    /// <summary>The API as the AppHost's reference names it; service discovery turns it into the real address.</summary>
    public const string ApiBaseAddress = "http://api";

    public static IHostApplicationBuilder AddLoadGenerator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LoadOptions>().BindConfiguration(LoadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LoadOptions>, LoadOptionsValidator>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, LoadGenJsonContext.Default));

        // RemoveAllResilienceHandlers is marked experimental; it is the supported way to undo the resilience
        // handler that the service defaults add to every client.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<ApiClient>(client =>
            {
                client.BaseAddress = new Uri(ApiBaseAddress);
                client.Timeout = TimeSpan.FromSeconds(30);
            })
            // A load generator must see every failure: no retries, hedging or circuit breaker in between.
            .RemoveAllResilienceHandlers()
            // Every microsecond the generator spends per request is taken from the API on the same cores, and
            // the factory's logging handlers open a log scope and time every request to log nothing (the
            // category is at Warning). The generator records each request itself.
            .RemoveAllLoggers()
            // The client lives in singletons for the whole run; pooled connections are recycled by the handler
            // instead of by the factory rotating handlers.
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
#pragma warning restore EXTEXP0001

        // Recording a trace per request at thousands of req/s would cost the 2-core machine more than the API
        // does; the API follows the sampling decision through the trace context.
        var sampleRatio = builder.Configuration.GetValue($"{LoadOptions.SectionName}:{nameof(LoadOptions.TraceSampleRatio)}", 0.01);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing =>
            tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(sampleRatio))));

        builder.Services.AddSingleton<LoadGenMeter>();
        builder.Services.AddSingleton<UserPool>();
        builder.Services.AddSingleton<ILoadScenario, ReadHotScenario>();
        builder.Services.AddSingleton<ILoadScenario, ReadColdScenario>();
        builder.Services.AddSingleton<ILoadScenario, MixedScenario>();
        builder.Services.AddSingleton<ILoadScenario, HerdScenario>();
        builder.Services.AddSingleton<ILoadScenario, CompareScenario>();
        builder.Services.AddSingleton<ILoadScenario, RevalidateScenario>();
        builder.Services.AddSingleton<RunResultWriter>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LoadRunCoordinator>();
        builder.Services.AddHostedService<StartupRunService>();
        return builder;
    }
}
