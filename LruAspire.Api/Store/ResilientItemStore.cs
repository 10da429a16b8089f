using Polly;

namespace LruAspire.Api.Store;

/// <summary>
/// Runs every call of the wrapped store through the item-store resilience pipeline (see
/// <see cref="ItemStoreResilience.AddItemStoreStrategies"/>). When the database cannot answer, calls throw
/// Polly's rejection exceptions or a transient <see cref="Npgsql.NpgsqlException"/>, which the API maps to 503.
/// </summary>
/// <remarks>
/// Polly's timeout is cooperative: it cancels the token and waits for the call to notice. Npgsql does not always
/// notice while it opens a connection, e.g. through Aspire's endpoint proxy, which accepts the TCP connection
/// while PostgreSQL is down and then says nothing. So each call stops waiting as soon as its token is cancelled
/// (<see cref="Task.WaitAsync(CancellationToken)"/>); the abandoned attempt ends on its own at Npgsql's connect
/// timeout, and the open circuit keeps further attempts from piling up meanwhile.
/// Writes are not abandoned that way: a write the client was told failed must not commit later. They wait for
/// Npgsql to honour the cancellation, which rolls the single upsert or delete statement back, so a write that
/// gets a 503 has not been applied.
/// </remarks>
public sealed class ResilientItemStore(IItemStore inner, ResiliencePipeline pipeline) : IItemStore
{
    public async Task<Item?> GetAsync(long key, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            static async (state, token) => await state.inner.GetAsync(state.key, token).WaitAsync(token),
            (inner, key),
            cancellationToken);

    public async Task<bool> UpsertAsync(Item item, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            static async (state, token) => await state.inner.UpsertAsync(state.item, token),
            (inner, item),
            cancellationToken);

    public async Task<bool> DeleteAsync(long key, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            static async (state, token) => await state.inner.DeleteAsync(state.key, token),
            (inner, key),
            cancellationToken);
}
