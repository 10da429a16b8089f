using Microsoft.Extensions.Options;
using Npgsql;

namespace LruAspire.Api.Store;

/// <summary>
/// The <c>items</c> schema: creates the table when it is missing and seeds an empty table with deterministic rows, before
/// the API starts taking requests. Safe when several replicas start at once: the work runs in one transaction
/// under a transaction-scoped advisory lock, so exactly one instance seeds and the others find it done.
/// </summary>
public sealed partial class ItemSchema(
    NpgsqlDataSource dataSource,
    IOptions<ItemStoreOptions> options,
    ILogger<ItemSchema> logger) : IHostedService
{
    // Any constant shared by all replicas; it only has to differ from other advisory locks in the database.
    private const long SchemaLockId = 0x4C7255_41535049;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS items (
            key        bigint      PRIMARY KEY,
            value      text        NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private const string SeedEmptyTable = """
        INSERT INTO items (key, value)
        SELECT g, 'value-' || g FROM generate_series(1, $1) AS g
        WHERE NOT EXISTS (SELECT 1 FROM items)
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new NpgsqlParameter<long> { TypedValue = SchemaLockId } } },
                new NpgsqlBatchCommand(CreateTable),
                new NpgsqlBatchCommand(SeedEmptyTable) { Parameters = { new NpgsqlParameter<int> { TypedValue = options.Value.SeedRows } } },
            },
        };

        await batch.ExecuteNonQueryAsync(cancellationToken);
        var seeded = batch.BatchCommands[^1].RecordsAffected;
        await transaction.CommitAsync(cancellationToken);

        LogSchemaReady(seeded);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema ready; seeded {SeededRows} rows")]
    private partial void LogSchemaReady(long seededRows);
}
