using Npgsql;

namespace LruAspire.FunctionalTests.Faults;

/// <summary>
/// Checks every write's reported outcome against the <c>items</c> table: an acknowledged write (200/201) is there
/// with its value, a write answered 503 is not (not now, not later), and a 504 (outcome unknown) may be either.
/// </summary>
internal static class WriteAudit
{
    public static async Task<(int Acknowledged, int Refused, int UnknownCommitted, int UnknownNotCommitted)> CheckAsync(
        string connectionString, IReadOnlyCollection<Sample> writes)
    {
        var table = await ReadAsync(connectionString, [.. writes.Select(w => w.Key)]);
        var violations = new List<string>();
        int acknowledged = 0, refused = 0, unknownCommitted = 0, unknownNotCommitted = 0;
        foreach (var write in writes)
        {
            var stored = table.GetValueOrDefault(write.Key);
            switch (write.Status)
            {
                case 200 or 201 when stored == Sample.ValueOf(write.Key):
                    acknowledged++;
                    break;
                case 200 or 201:
                    violations.Add($"key {write.Key}: acknowledged {write.Status} but the table has {stored ?? "no row"}");
                    break;
                case 503 when stored is null:
                    refused++;
                    break;
                case 503:
                    violations.Add($"key {write.Key}: answered 503 but was committed");
                    break;
                case 504 or 0 when stored is null:
                    unknownNotCommitted++;
                    break;
                case 504 or 0:
                    unknownCommitted++;
                    break;
                default:
                    violations.Add($"key {write.Key}: unexpected status {write.Status}");
                    break;
            }
        }
        Assert.Empty(violations);
        return (acknowledged, refused, unknownCommitted, unknownNotCommitted);
    }

    private static async Task<Dictionary<long, string>> ReadAsync(string connectionString, long[] keys)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT key, value FROM items WHERE key = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = keys });
        var rows = new Dictionary<long, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetInt64(0)] = reader.GetString(1);
        }
        return rows;
    }
}
