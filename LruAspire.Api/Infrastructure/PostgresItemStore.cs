using Npgsql;

namespace LruAspire.Api.Infrastructure;

/// <summary>The PostgreSQL item store (the seed's <c>postgres.py</c>), on the pooled data source from Aspire.Npgsql.</summary>
public sealed class PostgresItemStore(NpgsqlDataSource dataSource) : IItemStore
{
    public async Task<Item?> GetAsync(long key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT value FROM items WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is string text ? new Item(key, text) : null;
    }
}
