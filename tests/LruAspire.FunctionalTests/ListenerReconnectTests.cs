using Npgsql;

namespace LruAspire.FunctionalTests;

/// <summary>
/// Kills the API replicas' LISTEN connections. It has an app of its own because it clears every replica's
/// cache, which would erase what tests sharing the main app observe (e.g. the load generator's cached keys).
/// </summary>
[Collection(DisruptedAppCollection.Name)]
public class ListenerReconnectTests(LruAppFixture fixture)
{
    private const string ListenerApplicationName = "lruaspire-invalidation";

    private HttpClient ReplicaA => fixture.Replicas[0];
    private HttpClient ReplicaB => fixture.Replicas[1];

    [Fact]
    public async Task After_its_listener_connection_is_killed_each_replica_reconnects_and_flushes_its_cache()
    {
        await Replica.AssertCachedAsync(ReplicaA, 7003, "value-7003");
        await Replica.AssertCachedAsync(ReplicaB, 7003, "value-7003");

        // A change no notification announces, standing in for writes made while a listener is disconnected.
        await using var connection = new NpgsqlConnection(fixture.DatabaseConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "UPDATE items SET value = 'changed-silently' WHERE key = 7003");
        Assert.Equal("value-7003", await Replica.ReadValueAsync(ReplicaB, 7003)); // still the cached value

        var killed = await ListenerPidsAsync(connection);
        Assert.Equal(2, killed.Count);
        await ExecuteAsync(connection, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{ListenerApplicationName}'");

        await Replica.WaitUntilAsync(async () =>
            await Replica.ReadValueAsync(ReplicaA, 7003) == "changed-silently"
            && await Replica.ReadValueAsync(ReplicaB, 7003) == "changed-silently");
        await Replica.WaitUntilAsync(async () =>
        {
            var now = await ListenerPidsAsync(connection);
            return now.Count == 2 && !now.Overlaps(killed);
        });
        foreach (var replica in fixture.Replicas)
        {
            await Replica.WaitUntilAsync(async () => await replica.GetStringAsync("/health") == "Healthy");
        }
    }

    private static async Task<HashSet<int>> ListenerPidsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ListenerApplicationName });
        var pids = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }
        return pids;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DisruptedAppCollection : ICollectionFixture<LruAppFixture>
{
    public const string Name = "LruAspire app, disrupted";
}
