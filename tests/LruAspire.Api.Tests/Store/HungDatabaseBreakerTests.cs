using LruAspire.Api.Store;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LruAspire.Api.Tests.Store;

/// <summary>
/// The item-store pipeline with its default options against a database that hangs (SIGSTOP: connections open,
/// nothing answers), on a fake clock so the timeouts and the break are exact.
/// </summary>
public class HungDatabaseBreakerTests
{
    private static readonly ItemStoreResilienceOptions Defaults = new();

    private readonly FakeTimeProvider _time = new();
    private readonly ResiliencePipeline _pipeline;
    private int _calls;
    private bool _hung;

    public HungDatabaseBreakerTests() =>
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = _time }.AddItemStoreStrategies(Defaults).Build();

    [Fact]
    public async Task The_first_wave_of_timeouts_opens_the_circuit_even_after_thousands_of_successes_and_empties_the_queue()
    {
        for (var i = 0; i < 5_000; i++)
        {
            Assert.Equal(1, await _pipeline.ExecuteAsync(DatabaseAsync));
        }
        _time.Advance(TimeSpan.FromMilliseconds(50));
        _hung = true;
        _calls = 0;

        // 40 concurrent misses: MaxConcurrentCalls run, the rest queue behind the limiter.
        var misses = Enumerable.Range(0, 40).Select(_ => _pipeline.ExecuteAsync(DatabaseAsync).AsTask()).ToList();
        Assert.Equal(Defaults.MaxConcurrentCalls, _calls);

        _time.Advance(Defaults.Timeout);
        var outcomes = await OutcomesAsync(misses, settled: misses.Count - (Defaults.MinimumThroughput - 1));

        // The circuit opened within the first wave: a call that reached the database timed out, every other was
        // refused without waiting. Only the few queued calls that started before the circuit had seen enough
        // failures (at most MinimumThroughput - 1) are still waiting for their own timeout.
        Assert.Equal(Defaults.MaxConcurrentCalls, outcomes.Count(o => o is TimeoutRejectedException));
        Assert.True(outcomes.Count(o => o is BrokenCircuitException) >= 40 - Defaults.MaxConcurrentCalls - (Defaults.MinimumThroughput - 1));
        Assert.True(_calls <= Defaults.MaxConcurrentCalls + Defaults.MinimumThroughput - 1, $"{_calls} calls reached the database");

        // Later misses are refused at once, with the rest of the break as Retry-After.
        var callsBefore = _calls;
        var refused = await Assert.ThrowsAsync<BrokenCircuitException>(() => _pipeline.ExecuteAsync(DatabaseAsync).AsTask());
        Assert.Equal(callsBefore, _calls);
        Assert.InRange(refused.RetryAfter!.Value, TimeSpan.FromTicks(1), Defaults.BreakDuration);
    }

    [Fact]
    public async Task Once_the_database_answers_again_the_first_probe_after_the_break_closes_the_circuit()
    {
        _hung = true;
        var wave = Enumerable.Range(0, Defaults.MinimumThroughput).Select(_ => _pipeline.ExecuteAsync(DatabaseAsync).AsTask()).ToList();
        _time.Advance(Defaults.Timeout);
        Assert.All(await OutcomesAsync(wave, wave.Count), o => Assert.IsType<TimeoutRejectedException>(o));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => _pipeline.ExecuteAsync(DatabaseAsync).AsTask());

        // Still hung when the break ends: the probe times out and the circuit opens again for one more break.
        _time.Advance(Defaults.BreakDuration);
        var probe = _pipeline.ExecuteAsync(DatabaseAsync).AsTask();
        await Assert.ThrowsAsync<BrokenCircuitException>(() => _pipeline.ExecuteAsync(DatabaseAsync).AsTask());
        _time.Advance(Defaults.Timeout);
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => probe);

        _hung = false;
        _time.Advance(Defaults.BreakDuration);
        Assert.Equal(1, await _pipeline.ExecuteAsync(DatabaseAsync));
        Assert.Equal(1, await _pipeline.ExecuteAsync(DatabaseAsync));
    }

    // A hung server never answers. Here the call gives up when the timeout cancels its token; ResilientItemStore
    // makes a real Npgsql call, which may not notice in time, do the same with WaitAsync.
    private async ValueTask<int> DatabaseAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (_hung)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        return 1;
    }

    /// <summary>Waits (on the real clock) until <paramref name="settled"/> calls have finished; returns their exceptions.</summary>
    private static async Task<List<Exception?>> OutcomesAsync(List<Task<int>> calls, int settled)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (calls.Count(c => c.IsCompleted) < settled)
        {
            await Task.Delay(5, patience.Token);
        }
        return [.. calls.Where(c => c.IsCompleted).Select(c => c.Exception?.InnerException)];
    }
}
