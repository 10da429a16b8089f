using LruAspire.Api.Store;
using Polly;
using Polly.Timeout;

namespace LruAspire.Api.Tests.Store;

public class ResilientItemStoreTests
{
    [Fact]
    public async Task A_timed_out_call_is_abandoned_without_cancelling_the_database_call()
    {
        var store = new TokenRecordingStore();
        var resilient = new ResilientItemStore(store, new ResiliencePipelineBuilder()
            .AddItemStoreStrategies(new ItemStoreResilienceOptions { Timeout = TimeSpan.FromMilliseconds(50) }).Build());

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => resilient.GetAsync(1, CancellationToken.None));

        // Npgsql would answer a cancelled token with a synchronous CancelRequest to a server that may be hung.
        Assert.False(store.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task The_callers_own_cancellation_still_reaches_the_database_call()
    {
        var store = new TokenRecordingStore();
        var resilient = new ResilientItemStore(store, new ResiliencePipelineBuilder()
            .AddItemStoreStrategies(new ItemStoreResilienceOptions()).Build());
        using var caller = new CancellationTokenSource();

        var read = resilient.GetAsync(1, caller.Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        Assert.True(store.Token.IsCancellationRequested);
    }

    /// <summary>A store whose reads never complete and remember the token they were given.</summary>
    private sealed class TokenRecordingStore : IItemStore
    {
        public CancellationToken Token { get; private set; }

        public async Task<Item?> GetAsync(long key, CancellationToken cancellationToken)
        {
            Token = cancellationToken;
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }

        public Task<WriteResult> UpsertAsync(long key, string value, ItemPrecondition precondition, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<WriteResult> DeleteAsync(long key, ItemPrecondition precondition, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
