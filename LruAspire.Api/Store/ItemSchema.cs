using Microsoft.Extensions.Options;
using Npgsql;

namespace LruAspire.Api.Store;

/// <summary>
/// The <c>items</c> schema: creates the table when it is missing, adds the <c>version</c> column to a table made
/// before it existed, and seeds an empty table with deterministic rows, before the API starts taking requests.
/// Safe when several replicas start at once: the work runs in one transaction under a transaction-scoped advisory
/// lock, so exactly one instance migrates and seeds and the others find it done.
/// </summary>
/// <remarks>
/// Versions come from one sequence for the whole table, so a version is never reused: not by another key and not
/// after a delete and re-create, which makes <c>"version"</c> alone a strong entity tag. Adding the column with
/// <c>nextval</c> as its default gives every existing row its own version (PostgreSQL rewrites the table once).
/// </remarks>
public sealed partial class ItemSchema(
    NpgsqlDataSource dataSource,
    IOptions<ItemStoreOptions> options,
    ILogger<ItemSchema> logger) : IHostedService
{
    // Any constant shared by all replicas; it only has to differ from other advisory locks in the database.
    private const long SchemaLockId = 0x4C7255_41535049;

    /// <summary>The sequence every write draws the item's new version from.</summary>
    public const string VersionSequence = "items_version_seq";

    private const string CreateVersionSequence = $"CREATE SEQUENCE IF NOT EXISTS {VersionSequence}";

    private const string CreateTable = $"""
        CREATE TABLE IF NOT EXISTS items (
            key        bigint      PRIMARY KEY,
            value      text        NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            version    bigint      NOT NULL DEFAULT nextval('{VersionSequence}')
        )
        """;

    // Tables created before versions existed. It takes the table's lock for a moment at every start even when the
    // column is there; starts are rare, and the check and the change stay one statement.
    private const string AddVersionColumn = $"ALTER TABLE items ADD COLUMN IF NOT EXISTS version bigint NOT NULL DEFAULT nextval('{VersionSequence}')";

    // Dropping the table (or the column) then drops the sequence with it.
    private const string OwnVersionSequence = $"ALTER SEQUENCE {VersionSequence} OWNED BY items.version";

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
                new NpgsqlBatchCommand(CreateVersionSequence),
                new NpgsqlBatchCommand(CreateTable),
                new NpgsqlBatchCommand(AddVersionColumn),
                new NpgsqlBatchCommand(OwnVersionSequence),
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
