using Polly;

namespace LruAspire.Api.Store;

/// <summary>
/// Runs every call of the wrapped store through the item-store resilience pipeline (see
/// <see cref="ItemStoreResilience.AddItemStoreStrategies"/>). When the database cannot answer, calls throw
/// Polly's rejection exceptions or a transient <see cref="Npgsql.NpgsqlException"/>, which the API maps to 503;
/// a write whose outcome is unknown throws <see cref="WriteOutcomeUnknownException"/> (504).
/// </summary>
/// <remarks>
/// Polly's timeout is cooperative: it cancels the token and waits for the call to notice. Npgsql does not always
/// notice promptly: opening a connection to a server that accepts TCP but never answers (a proxy in front of a
/// stopped server, a SIGSTOPped server) waits for the connect timeout, and cancelling a query first sends
/// PostgreSQL a cancel request, which a hung server never answers. So each call stops waiting as soon as its
/// token is cancelled (<see cref="Task.WaitAsync(CancellationToken)"/>); the abandoned attempt ends on its own, and
/// the open circuit keeps further attempts from piling up meanwhile.
/// Abandoning a write does not make it fail: its statement may already be in the server's socket and commit
/// when a hung server resumes. Cancelling cannot prevent that either (the cancel request waits in the same
/// queue), so such a write is reported as unknown (<see cref="WriteOutcome.IsUnknown"/>), never as failed.
/// </remarks>
public sealed class ResilientItemStore(IItemStore inner, ResiliencePipeline pipeline) : IItemStore
{
    public async Task<Item?> GetAsync(long key, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            static async (state, token) => await state.inner.GetAsync(state.key, token).WaitAsync(token),
            (inner, key),
            cancellationToken);

    public async Task<bool> UpsertAsync(Item item, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(
                static async (state, token) => await state.inner.UpsertAsync(state.item, token).WaitAsync(token),
                (inner, item),
                cancellationToken);
        }
        catch (Exception exception) when (WriteOutcome.IsUnknown(exception))
        {
            throw new WriteOutcomeUnknownException(exception);
        }
    }

    public async Task<bool> DeleteAsync(long key, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(
                static async (state, token) => await state.inner.DeleteAsync(state.key, token).WaitAsync(token),
                (inner, key),
                cancellationToken);
        }
        catch (Exception exception) when (WriteOutcome.IsUnknown(exception))
        {
            throw new WriteOutcomeUnknownException(exception);
        }
    }
}
