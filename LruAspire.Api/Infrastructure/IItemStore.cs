namespace LruAspire.Api.Infrastructure;

/// <summary>
/// The system of record behind the cache (the seed's <c>db.py</c>). The cache service only talks to this
/// interface, so tests can use an in-memory store and production uses <see cref="PostgresItemStore"/>.
/// </summary>
public interface IItemStore
{
    /// <summary>Reads one item, or <see langword="null"/> when no row has that key.</summary>
    Task<Item?> GetAsync(long key, CancellationToken cancellationToken);
}
