using Polly;

namespace LruAspire.Api.Store;

/// <summary>
/// Runs every call of the wrapped store through the item-store resilience pipeline (see
/// <see cref="ItemStoreResilience.AddItemStoreStrategies"/>). When the database cannot answer, calls throw
/// Polly's rejection exceptions or a transient <see cref="Npgsql.NpgsqlException"/>, which the API maps to 503;
/// a write whose outcome is unknown throws <see cref="WriteOutcomeUnknownException"/> (504).
/// </summary>
/// <remarks>
/// <para>
/// A call that times out is abandoned, not cancelled: the wrapped store gets the caller's token, and only the
/// wait for it stops at the pipeline's timeout (<see cref="Task.WaitAsync(CancellationToken)"/>). Cancelling
/// Npgsql on every timeout would hurt exactly when timeouts come in waves: it cancels a query by opening a new
/// connection and sending PostgreSQL a CancelRequest, synchronously on the thread that cancels, and against a
/// hung server that blocks a thread-pool thread for up to the connect timeout; a handful of those starve a small
/// machine's thread pool, and every response slows down, hits included. An abandoned call ends on its own: when
/// the server answers, or at Npgsql's connect or command timeout.
/// </para>
/// <para>
/// Abandoning a write does not make it fail: its statement may already be in the server's socket and commit when
/// a hung server resumes (a cancel request would wait in the same queue, so cancelling could not prevent that
/// either). Such a write is reported as unknown (<see cref="WriteOutcome.IsUnknown"/>), never as failed.
/// </para>
/// </remarks>
public sealed class ResilientItemStore(IItemStore inner, ResiliencePipeline pipeline) : IItemStore
{
    public async Task<Item?> GetAsync(long key, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            static async (state, timeout) => await state.inner.GetAsync(state.key, state.cancellationToken).WaitAsync(timeout),
            (inner, key, cancellationToken),
            cancellationToken);

    public async Task<WriteResult> UpsertAsync(long key, string value, ItemPrecondition precondition, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(
                static async (state, timeout) =>
                    await state.inner.UpsertAsync(state.key, state.value, state.precondition, state.cancellationToken).WaitAsync(timeout),
                (inner, key, value, precondition, cancellationToken),
                cancellationToken);
        }
        catch (Exception exception) when (WriteOutcome.IsUnknown(exception))
        {
            throw new WriteOutcomeUnknownException(exception);
        }
    }

    public async Task<WriteResult> DeleteAsync(long key, ItemPrecondition precondition, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(
                static async (state, timeout) => await state.inner.DeleteAsync(state.key, state.precondition, state.cancellationToken).WaitAsync(timeout),
                (inner, key, precondition, cancellationToken),
                cancellationToken);
        }
        catch (Exception exception) when (WriteOutcome.IsUnknown(exception))
        {
            throw new WriteOutcomeUnknownException(exception);
        }
    }
}
