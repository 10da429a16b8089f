namespace LruAspire.Api.Store;

/// <summary>
/// The system of record behind the cache (the seed's <c>db.py</c>). The cache service only talks to this
/// interface, so tests can use an in-memory store and production uses <see cref="PostgresItemStore"/>.
/// </summary>
public interface IItemStore
{
    /// <summary>Reads one item with its version, or <see langword="null"/> when no row has that key.</summary>
    Task<Item?> GetAsync(long key, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces the item if <paramref name="precondition"/> holds, giving it a new version, and in the
    /// same transaction tells every API instance that the key changed. The check and the write are atomic.
    /// </summary>
    /// <returns>
    /// <see cref="WriteStatus.Created"/> or <see cref="WriteStatus.Replaced"/> with the new version, or
    /// <see cref="WriteStatus.PreconditionFailed"/> (nothing written, nobody told). A precondition with
    /// <c>If-Match</c> never creates: the item must exist to match.
    /// </returns>
    Task<WriteResult> UpsertAsync(long key, string value, ItemPrecondition precondition, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the item if <paramref name="precondition"/> holds and, in the same transaction, tells every API
    /// instance that the key changed. The check and the delete are atomic.
    /// </summary>
    /// <returns>
    /// <see cref="WriteStatus.Deleted"/>, <see cref="WriteStatus.NotFound"/> when no row had the key, or
    /// <see cref="WriteStatus.PreconditionFailed"/> when it had one that did not satisfy the precondition.
    /// </returns>
    Task<WriteResult> DeleteAsync(long key, ItemPrecondition precondition, CancellationToken cancellationToken);
}
