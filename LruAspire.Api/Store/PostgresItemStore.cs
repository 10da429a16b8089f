using Npgsql;

namespace LruAspire.Api.Store;

/// <summary>The PostgreSQL item store (the seed's <c>postgres.py</c>), on the pooled data source from Aspire.Npgsql.</summary>
/// <remarks>
/// Each write is one statement: the precondition check, the data change and its <c>pg_notify</c> run in that
/// statement's implicit transaction, so the notification is delivered if and only if the write commits, a write
/// costs a single round trip instead of BEGIN/…/COMMIT, and no other write can land between the check and the
/// write (a concurrent writer of the row is waited for, and the condition re-checked on the row it left). A write
/// whose precondition fails returns no row, so it changes nothing and notifies nobody.
/// </remarks>
public sealed class PostgresItemStore(NpgsqlDataSource dataSource) : IItemStore
{
    // The precondition on an existing row's version, from parameter $first on: If-Match versions (NULL: absent or
    // "*"), If-None-Match versions (NULL: absent or "*"), and whether If-None-Match is "*" (no existing row passes).
    private static string VersionCondition(int first) =>
        $"(${first}::bigint[] IS NULL OR items.version = ANY (${first})) AND NOT ${first + 2} " +
        $"AND (${first + 1}::bigint[] IS NULL OR items.version <> ALL (${first + 1}))";

    private const string NextVersion = $"nextval('{ItemSchema.VersionSequence}')";

    // Without If-Match: insert, or replace the row if the condition holds. xmax is 0 on a freshly inserted row
    // version and non-zero when ON CONFLICT updated an existing row.
    private static readonly string Upsert = $"""
        WITH written AS (
            INSERT INTO items (key, value) VALUES ($1, $2)
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, version = {NextVersion}, updated_at = now()
            WHERE {VersionCondition(3)}
            RETURNING key, version, (xmax = 0) AS created
        )
        SELECT version, created, pg_notify('{ItemChannel.Name}', key::text) FROM written
        """;

    // With If-Match the item must exist, so there is nothing to insert: an UPDATE of the matching row.
    private static readonly string UpdateIfMatch = $"""
        WITH written AS (
            UPDATE items SET value = $2, version = {NextVersion}, updated_at = now()
            WHERE key = $1 AND {VersionCondition(3)}
            RETURNING key, version, false AS created
        )
        SELECT version, created, pg_notify('{ItemChannel.Name}', key::text) FROM written
        """;

    // "existed" reads the statement's snapshot, taken before the delete, to tell a failed precondition (the row is
    // there) from a missing row. count() makes the notify run once per deleted row.
    private static readonly string Delete = $"""
        WITH deleted AS (
            DELETE FROM items WHERE key = $1 AND {VersionCondition(2)}
            RETURNING key
        )
        SELECT (SELECT count(pg_notify('{ItemChannel.Name}', key::text)) FROM deleted) > 0 AS deleted,
               EXISTS (SELECT FROM items WHERE key = $1) AS existed
        """;

    public async Task<Item?> GetAsync(long key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT value, version FROM items WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new Item(key, reader.GetString(0), reader.GetInt64(1)) : null;
    }

    public async Task<WriteResult> UpsertAsync(long key, string value, ItemPrecondition precondition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(precondition.IfMatch.IsPresent ? UpdateIfMatch : Upsert);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
        AddCondition(command, precondition);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new WriteResult(WriteStatus.PreconditionFailed);
        }
        return new WriteResult(reader.GetBoolean(1) ? WriteStatus.Created : WriteStatus.Replaced, reader.GetInt64(0));
    }

    public async Task<WriteResult> DeleteAsync(long key, ItemPrecondition precondition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Delete);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        AddCondition(command, precondition);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new WriteResult(reader.GetBoolean(0) ? WriteStatus.Deleted
            : reader.GetBoolean(1) ? WriteStatus.PreconditionFailed
            : WriteStatus.NotFound);
    }

    private static void AddCondition(NpgsqlCommand command, ItemPrecondition precondition)
    {
        command.Parameters.Add(Versions(precondition.IfMatch));
        command.Parameters.Add(Versions(precondition.IfNoneMatch));
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = precondition.IfNoneMatch.IsAny });
    }

    // NULL when the header is absent or "*" (for If-Match, "*" is then the existence the UPDATE already requires).
    private static NpgsqlParameter<long[]?> Versions(VersionMatch match) =>
        new() { TypedValue = match.IsPresent && !match.IsAny ? [.. match.Versions] : null };
}
