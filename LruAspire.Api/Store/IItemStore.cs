namespace LruAspire.Api.Store;

/// <summary>
/// The system of record behind the cache (the seed's <c>db.py</c>). The cache service only talks to this
/// interface, so tests can use an in-memory store and production uses <see cref="PostgresItemStore"/>.
/// </summary>
public interface IItemStore
{
    /// <summary>Reads one item, or <see langword="null"/> when no row has that key.</summary>
    Task<Item?> GetAsync(long key, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces the item and, in the same transaction, tells every API instance that the key changed.
    /// Returns <see langword="true"/> when the row was created, <see langword="false"/> when it was replaced.
    /// </summary>
    Task<bool> UpsertAsync(Item item, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the item and, in the same transaction, tells every API instance that the key changed.
    /// Returns <see langword="false"/> when no row had that key.
    /// </summary>
    Task<bool> DeleteAsync(long key, CancellationToken cancellationToken);
}
