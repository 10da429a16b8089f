using System.Net.Sockets;
using LruAspire.Api.Store;
using Npgsql;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace LruAspire.Api.Tests.Store;

public class WriteOutcomeTests
{
    public static TheoryData<Exception, bool> Failures => new()
    {
        // The statement may be in the server's socket: it can still commit.
        { new TimeoutRejectedException(), true },
        { new NpgsqlException("Exception while reading from stream", new EndOfStreamException()), true },
        { new NpgsqlException("Exception while reading from stream", new TimeoutException()), true },
        // Nothing was applied: PostgreSQL said no, the connection was refused, or the call never left the API.
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), false },
        { new PostgresException("canceling statement due to user request", "ERROR", "ERROR", "57014"), false },
        { new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), false },
        { new BrokenCircuitException(), false },
        { new RateLimiterRejectedException(), false },
        { new InvalidOperationException("a bug, not an outage"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Only_a_failure_that_may_have_reached_the_server_leaves_the_outcome_unknown(Exception failure, bool unknown) =>
        Assert.Equal(unknown, WriteOutcome.IsUnknown(failure));

    [Fact]
    public async Task A_write_the_database_never_answers_is_reported_unknown_after_the_timeout_not_failed()
    {
        var store = new ResilientItemStore(new HungItemStore(), Pipeline(TimeSpan.FromMilliseconds(50)));

        var put = await Assert.ThrowsAsync<WriteOutcomeUnknownException>(() => store.UpsertAsync(1, "x", ItemPrecondition.None, CancellationToken.None));
        var delete = await Assert.ThrowsAsync<WriteOutcomeUnknownException>(() => store.DeleteAsync(1, ItemPrecondition.None, CancellationToken.None));

        Assert.IsType<TimeoutRejectedException>(put.InnerException);
        Assert.IsType<TimeoutRejectedException>(delete.InnerException);
    }

    [Fact]
    public async Task A_write_refused_by_the_open_circuit_is_reported_as_not_applied()
    {
        // Long sampling and break windows: on a busy machine the three timeouts may take more than the default
        // second, and the circuit must neither miss them nor close again before the fourth call.
        var pipeline = new ResiliencePipelineBuilder().AddItemStoreStrategies(new ItemStoreResilienceOptions
        {
            Timeout = TimeSpan.FromMilliseconds(50),
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(30),
        }).Build();
        var store = new ResilientItemStore(new HungItemStore(), pipeline);
        for (var i = 0; i < new ItemStoreResilienceOptions().MinimumThroughput; i++)
        {
            await Assert.ThrowsAsync<WriteOutcomeUnknownException>(() => store.UpsertAsync(1, "x", ItemPrecondition.None, CancellationToken.None));
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => store.UpsertAsync(1, "x", ItemPrecondition.None, CancellationToken.None));
    }

    [Fact]
    public async Task A_read_the_database_never_answers_is_given_up_at_the_timeout()
    {
        var store = new ResilientItemStore(new HungItemStore(), Pipeline(TimeSpan.FromMilliseconds(50)));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => store.GetAsync(1, CancellationToken.None));
    }

    private static ResiliencePipeline Pipeline(TimeSpan timeout) =>
        new ResiliencePipelineBuilder().AddItemStoreStrategies(new ItemStoreResilienceOptions { Timeout = timeout }).Build();

    /// <summary>A store on a hung server: calls never complete and ignore cancellation, like Npgsql waiting on a stopped peer.</summary>
    private sealed class HungItemStore : IItemStore
    {
        private static readonly TaskCompletionSource Never = new();

        public async Task<Item?> GetAsync(long key, CancellationToken cancellationToken)
        {
            await Never.Task;
            return null;
        }

        public async Task<WriteResult> UpsertAsync(long key, string value, ItemPrecondition precondition, CancellationToken cancellationToken)
        {
            await Never.Task;
            return new WriteResult(WriteStatus.Created, 1);
        }

        public async Task<WriteResult> DeleteAsync(long key, ItemPrecondition precondition, CancellationToken cancellationToken)
        {
            await Never.Task;
            return new WriteResult(WriteStatus.Deleted);
        }
    }
}
