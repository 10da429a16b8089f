using Npgsql;

namespace LruAspire.HybridPeer;

/// <summary>The peer's one database read: the value of an item, or <see langword="null"/> when no row has the key.</summary>
public static class ItemQuery
{
    public static async Task<string?> ReadValueAsync(NpgsqlDataSource dataSource, long key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT value FROM items WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
