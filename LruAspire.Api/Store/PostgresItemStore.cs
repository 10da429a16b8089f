using Npgsql;

namespace LruAspire.Api.Store;

/// <summary>The PostgreSQL item store (the seed's <c>postgres.py</c>), on the pooled data source from Aspire.Npgsql.</summary>
/// <remarks>
/// Each write is one statement: the data change and its <c>pg_notify</c> run in that statement's implicit
/// transaction, so the notification is delivered if and only if the write commits, and a write costs a single
/// round trip instead of BEGIN/…/COMMIT.
/// </remarks>
public sealed class PostgresItemStore(NpgsqlDataSource dataSource) : IItemStore
{
    // xmax is 0 on a freshly inserted row version and non-zero when ON CONFLICT updated an existing row.
    private const string Upsert = $"""
        WITH upserted AS (
            INSERT INTO items (key, value) VALUES ($1, $2)
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
            RETURNING key, (xmax = 0) AS created
        )
        SELECT created, pg_notify('{ItemChannel.Name}', key::text) FROM upserted
        """;

    private const string Delete = $"""
        WITH deleted AS (DELETE FROM items WHERE key = $1 RETURNING key)
        SELECT pg_notify('{ItemChannel.Name}', key::text) FROM deleted
        """;

    public async Task<Item?> GetAsync(long key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT value FROM items WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is string text ? new Item(key, text) : null;
    }

    public async Task<bool> UpsertAsync(Item item, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Upsert);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = item.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = item.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetBoolean(0);
    }

    public async Task<bool> DeleteAsync(long key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Delete);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken);
    }
}
