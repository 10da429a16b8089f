using System.Threading.RateLimiting;
using Npgsql;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LruAspire.Api.Store;

/// <summary>The resilience pipeline every item-store call runs through.</summary>
public static class ItemStoreResilience
{
    public const string PipelineName = "item-store";

    /// <summary>
    /// Outermost to innermost, in the order of Microsoft.Extensions.Http.Resilience's standard handler:
    /// <list type="number">
    /// <item>a concurrency limiter: at most <see cref="ItemStoreResilienceOptions.MaxConcurrentCalls"/> calls in
    /// flight, <see cref="ItemStoreResilienceOptions.QueueLength"/> more waiting, the rest rejected at once;</item>
    /// <item>a circuit breaker that opens on timeouts and transient database errors, so that during an outage
    /// misses fail in microseconds instead of each waiting for its own timeout;</item>
    /// <item>a timeout per call, which the breaker sees as a failure.</item>
    /// </list>
    /// No retry: a miss that fails is answered 503 with <c>Retry-After</c>, and the client decides.
    /// </summary>
    /// <remarks>
    /// A queued call waits for a slot without a timeout of its own, but never long: slots free up at most one
    /// <see cref="ItemStoreResilienceOptions.Timeout"/> later, and by then the breaker has opened if the
    /// database stalls, which empties the queue at once.
    /// </remarks>
    public static ResiliencePipelineBuilder AddItemStoreStrategies(this ResiliencePipelineBuilder pipeline, ItemStoreResilienceOptions options) =>
        pipeline
            .AddConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = options.MaxConcurrentCalls,
                QueueLimit = options.QueueLength,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = new PredicateBuilder()
                    .Handle<TimeoutRejectedException>()
                    .Handle<NpgsqlException>(exception => exception.IsTransient),
            })
            .AddTimeout(options.Timeout);
}
