using LruAspire.Api.Store;

namespace LruAspire.Api.Tests.Store;

/// <summary>A store whose database never answers, for the error paths of the store instrumentation.</summary>
internal sealed class UnreachableItemStore : IItemStore
{
    private static readonly TimeoutException Unanswered = new("The database did not answer.");

    public Task<Item?> GetAsync(long key, CancellationToken cancellationToken) => Task.FromException<Item?>(Unanswered);

    public Task<WriteResult> UpsertAsync(long key, string value, ItemPrecondition precondition, CancellationToken cancellationToken) =>
        Task.FromException<WriteResult>(Unanswered);

    public Task<WriteResult> DeleteAsync(long key, ItemPrecondition precondition, CancellationToken cancellationToken) =>
        Task.FromException<WriteResult>(Unanswered);
}
