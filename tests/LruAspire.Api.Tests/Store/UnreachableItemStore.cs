using LruAspire.Api.Store;

namespace LruAspire.Api.Tests.Store;

/// <summary>A store whose database never answers, for the error paths of the store instrumentation.</summary>
internal sealed class UnreachableItemStore : IItemStore
{
    private static readonly TimeoutException Unanswered = new("The database did not answer.");

    public Task<Item?> GetAsync(long key, CancellationToken cancellationToken) => Task.FromException<Item?>(Unanswered);

    public Task<bool> UpsertAsync(Item item, CancellationToken cancellationToken) => Task.FromException<bool>(Unanswered);

    public Task<bool> DeleteAsync(long key, CancellationToken cancellationToken) => Task.FromException<bool>(Unanswered);
}
