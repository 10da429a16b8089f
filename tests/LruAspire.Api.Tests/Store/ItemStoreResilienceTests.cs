using System.Net.Sockets;
using LruAspire.Api.Store;
using Npgsql;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace LruAspire.Api.Tests.Store;

public class ItemStoreResilienceTests
{
    private static ResiliencePipeline Pipeline(ItemStoreResilienceOptions options) =>
        new ResiliencePipelineBuilder().AddItemStoreStrategies(options).Build();

    [Fact]
    public async Task Transient_database_errors_open_the_circuit_and_later_calls_do_not_reach_the_database()
    {
        var pipeline = Pipeline(new ItemStoreResilienceOptions { MinimumThroughput = 4, FailureRatio = 0.5 });
        var calls = 0;
        ValueTask<int> ConnectionRefused(CancellationToken _)
        {
            calls++;
            throw new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        }

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<NpgsqlException>(() => pipeline.ExecuteAsync(ConnectionRefused).AsTask());
        }
        var broken = await Assert.ThrowsAsync<BrokenCircuitException>(() => pipeline.ExecuteAsync(ConnectionRefused).AsTask());

        Assert.Equal(4, calls);
        Assert.NotNull(broken.RetryAfter);
    }

    [Fact]
    public async Task Errors_that_are_not_about_availability_leave_the_circuit_closed()
    {
        var pipeline = Pipeline(new ItemStoreResilienceOptions { MinimumThroughput = 2 });
        var calls = 0;
        ValueTask<int> Bug(CancellationToken _)
        {
            calls++;
            throw new InvalidOperationException("a bug, not an outage");
        }

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.ExecuteAsync(Bug).AsTask());
        }

        Assert.Equal(5, calls);
    }

    [Fact]
    public async Task A_call_over_the_timeout_is_rejected_and_counted_by_the_breaker()
    {
        var pipeline = Pipeline(new ItemStoreResilienceOptions { Timeout = TimeSpan.FromMilliseconds(20), MinimumThroughput = 2, FailureRatio = 1 });
        static async ValueTask<int> Stalled(CancellationToken token)
        {
            await Task.Delay(Timeout.Infinite, token);
            return 0;
        }

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => pipeline.ExecuteAsync(Stalled).AsTask());
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => pipeline.ExecuteAsync(Stalled).AsTask());
        await Assert.ThrowsAsync<BrokenCircuitException>(() => pipeline.ExecuteAsync(Stalled).AsTask());
    }

    [Fact]
    public async Task Calls_beyond_the_concurrency_limit_queue_and_beyond_the_queue_are_rejected()
    {
        var pipeline = Pipeline(new ItemStoreResilienceOptions { MaxConcurrentCalls = 1, QueueLength = 1, Timeout = TimeSpan.FromSeconds(30) });
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var maxRunning = 0;
        async ValueTask<int> Gated(CancellationToken _)
        {
            maxRunning = Math.Max(maxRunning, Interlocked.Increment(ref running));
            entered.TrySetResult();
            var result = await gate.Task;
            Interlocked.Decrement(ref running);
            return result;
        }

        var first = pipeline.ExecuteAsync(Gated).AsTask();
        await entered.Task;
        var queued = pipeline.ExecuteAsync(Gated).AsTask();
        await Assert.ThrowsAsync<RateLimiterRejectedException>(() => pipeline.ExecuteAsync(Gated).AsTask());
        Assert.False(queued.IsCompleted);

        gate.SetResult(7);
        var results = await Task.WhenAll(first, queued);
        Assert.Equal(new[] { 7, 7 }, results);
        Assert.Equal(1, maxRunning);
    }
}
