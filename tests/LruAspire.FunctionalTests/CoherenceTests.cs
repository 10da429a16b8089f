using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace LruAspire.FunctionalTests;

/// <summary>
/// Cross-replica coherence on the real app: two API replicas, each with its own LRU, kept in step by
/// PostgreSQL LISTEN/NOTIFY. Keys 7000+ are outside the load generator's key space.
/// </summary>
[Collection(LruAppCollection.Name)]
public class CoherenceTests(LruAppFixture fixture)
{
    private const string ListenerApplicationName = "lruaspire-invalidation";
    private static readonly TimeSpan BoundedWait = TimeSpan.FromSeconds(5);

    private HttpClient ReplicaA => fixture.Replicas[0];
    private HttpClient ReplicaB => fixture.Replicas[1];

    [Fact]
    public void The_api_runs_two_replicas_on_distinct_addresses()
    {
        Assert.Equal(2, fixture.Replicas.Count);
        Assert.NotEqual(ReplicaA.BaseAddress, ReplicaB.BaseAddress);
    }

    [Fact]
    public async Task A_write_through_one_replica_is_read_through_the_other()
    {
        await AssertCachedAsync(ReplicaB, 7001, "value-7001");

        using var put = await ReplicaA.SendAsync(Put(7001, "written-on-a"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await WaitUntilAsync(async () => await ReadValueAsync(ReplicaB, 7001) == "written-on-a");
    }

    [Fact]
    public async Task A_new_item_created_through_one_replica_is_read_through_the_other()
    {
        using var missing = await ReplicaB.GetAsync("/data/7900000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var put = await ReplicaA.SendAsync(Put(7900000, "created-on-a"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        await WaitUntilAsync(async () => await ReadValueAsync(ReplicaB, 7900000) == "created-on-a");
    }

    [Fact]
    public async Task A_delete_through_one_replica_is_seen_by_the_other()
    {
        await AssertCachedAsync(ReplicaB, 7002, "value-7002");

        using var delete = await ReplicaA.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Delete, "/data/7002")));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        await WaitUntilAsync(async () =>
        {
            using var response = await ReplicaB.GetAsync("/data/7002");
            return response.StatusCode == HttpStatusCode.NotFound;
        });
    }

    [Fact]
    public async Task Writes_need_the_key_from_the_secret_parameter()
    {
        using var noKey = await fixture.Api.PutAsync("/data/7004", new StringContent("""{"value":"x"}""", Encoding.UTF8, "application/json"));
        using var withKey = await fixture.Api.SendAsync(Put(7004, "x"));

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    [Fact]
    public async Task After_its_listener_connection_is_killed_each_replica_reconnects_and_flushes_its_cache()
    {
        await AssertCachedAsync(ReplicaA, 7003, "value-7003");
        await AssertCachedAsync(ReplicaB, 7003, "value-7003");

        // A change no notification announces, standing in for writes made while a listener is disconnected.
        await using var connection = new NpgsqlConnection(fixture.DatabaseConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "UPDATE items SET value = 'changed-silently' WHERE key = 7003");
        Assert.Equal("value-7003", await ReadValueAsync(ReplicaB, 7003)); // still the cached value

        var killed = await ListenerPidsAsync(connection);
        Assert.Equal(2, killed.Count);
        await ExecuteAsync(connection, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{ListenerApplicationName}'");

        await WaitUntilAsync(async () =>
            await ReadValueAsync(ReplicaA, 7003) == "changed-silently"
            && await ReadValueAsync(ReplicaB, 7003) == "changed-silently");
        await WaitUntilAsync(async () =>
        {
            var now = await ListenerPidsAsync(connection);
            return now.Count == 2 && !now.Overlaps(killed);
        });
        foreach (var replica in fixture.Replicas)
        {
            await WaitUntilAsync(async () => await replica.GetStringAsync("/health") == "Healthy");
        }
    }

    private async Task AssertCachedAsync(HttpClient replica, long key, string value)
    {
        (await replica.GetAsync($"/data/{key}")).Dispose();
        using var response = await replica.GetAsync($"/data/{key}");
        Assert.Equal("HIT", Assert.Single(response.Headers.GetValues("X-Cache")));
        Assert.Equal(value, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
    }

    private static async Task<string?> ReadValueAsync(HttpClient replica, long key)
    {
        using var response = await replica.GetAsync($"/data/{key}");
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString()
            : null;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < BoundedWait, $"Condition not met within {BoundedWait}.");
            await Task.Delay(10);
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

    private HttpRequestMessage Put(long key, string value) => WithKey(new HttpRequestMessage(HttpMethod.Put, $"/data/{key}")
    {
        Content = new StringContent(JsonSerializer.Serialize(new { value }), Encoding.UTF8, "application/json"),
    });

    private HttpRequestMessage WithKey(HttpRequestMessage request)
    {
        request.Headers.Add("X-Api-Key", fixture.WriteKey);
        return request;
    }
}
