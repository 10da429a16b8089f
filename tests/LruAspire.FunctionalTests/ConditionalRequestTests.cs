using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace LruAspire.FunctionalTests;

/// <summary>
/// Entity tags and conditional requests on the real app: two replicas, each with its own cache, one PostgreSQL.
/// The tag is the row's version, so every replica serves the same one; a write anywhere changes it everywhere;
/// a stale If-Match is refused by the database itself; a revalidation of a cached item never reaches PostgreSQL.
/// Keys 7100+ are outside the load generator's key space and other tests' keys.
/// </summary>
[Collection(LruAppCollection.Name)]
public class ConditionalRequestTests(LruAppFixture fixture)
{
    private HttpClient ReplicaA => fixture.Replicas[0];
    private HttpClient ReplicaB => fixture.Replicas[1];

    [Fact]
    public async Task Both_replicas_serve_the_same_tag_the_stored_version_quoted()
    {
        var onA = await ReadETagAsync(ReplicaA, 7101);
        var onB = await ReadETagAsync(ReplicaB, 7101);

        Assert.Equal(onA, onB);
        Assert.Equal($"\"{await StoredVersionAsync(7101)}\"", onA);
        Assert.Equal(onA, await ReadETagAsync(ReplicaB, 7101)); // and again from B's cache
    }

    [Fact]
    public async Task A_write_on_one_replica_changes_the_tag_the_other_serves()
    {
        await Replica.AssertCachedAsync(ReplicaB, 7102, "value-7102");
        var before = await ReadETagAsync(ReplicaB, 7102);

        using var put = await ReplicaA.SendAsync(Put(7102, "written-on-a", ("If-Match", before)));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var written = Assert.Single(put.Headers.GetValues("ETag"));

        Assert.NotEqual(before, written);
        await Replica.WaitUntilAsync(async () => await ReadETagAsync(ReplicaB, 7102) == written);
        Assert.Equal($"\"{await StoredVersionAsync(7102)}\"", written);
    }

    [Fact]
    public async Task A_stale_If_Match_on_the_other_replica_is_412_and_changes_nothing()
    {
        var old = await ReadETagAsync(ReplicaB, 7104);
        using var first = await ReplicaA.SendAsync(Put(7104, "first-writer", ("If-Match", old)));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var version = await StoredVersionAsync(7104);

        // Sent at once: B may not have heard of A's write yet, but the database checks the version in the write itself.
        using var lostUpdate = await ReplicaB.SendAsync(Put(7104, "second-writer", ("If-Match", old)));
        using var staleDelete = await ReplicaB.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Delete, "/data/7104"), ("If-Match", old)));

        await AssertProblemAsync(lostUpdate, HttpStatusCode.PreconditionFailed);
        await AssertProblemAsync(staleDelete, HttpStatusCode.PreconditionFailed);
        Assert.Equal(version, await StoredVersionAsync(7104));
        await Replica.WaitUntilAsync(async () => await Replica.ReadValueAsync(ReplicaB, 7104) == "first-writer");
    }

    [Fact]
    public async Task Create_only_writes_race_and_exactly_one_wins()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await fixture.Replicas[i % 2].SendAsync(Put(7199001, $"writer-{i}", ("If-None-Match", "*")));
            return response.StatusCode;
        }));

        Assert.Equal(1, attempts.Count(status => status == HttpStatusCode.Created));
        Assert.Equal(7, attempts.Count(status => status == HttpStatusCode.PreconditionFailed));
    }

    [Fact]
    public async Task A_304_on_a_hit_makes_no_database_query()
    {
        await Replica.AssertCachedAsync(ReplicaA, 7105, "value-7105");
        var etag = await ReadETagAsync(ReplicaA, 7105);
        const int revalidations = 50;

        // Counters are per replica and other traffic may reach it: a window in which the revalidations were
        // answered with no store read at all proves they need none (each one would add a miss and a load).
        for (var attempt = 1; ; attempt++)
        {
            var before = await MetricsAsync(ReplicaA);
            for (var i = 0; i < revalidations; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/data/7105");
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                using var response = await ReplicaA.SendAsync(request);
                Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
                Assert.Equal("HIT", Assert.Single(response.Headers.GetValues("X-Cache")));
                Assert.Equal(etag, Assert.Single(response.Headers.GetValues("ETag")));
            }
            var after = await MetricsAsync(ReplicaA);

            Assert.True(after.Hits - before.Hits >= revalidations, $"{after.Hits - before.Hits} hits");
            if (after.Misses == before.Misses && after.Loads == before.Loads)
            {
                return;
            }
            Assert.True(attempt < 5, $"every window had store reads: {after.Loads - before.Loads} loads in the last");
        }
    }

    private async Task<long> StoredVersionAsync(long key)
    {
        await using var connection = new NpgsqlConnection(fixture.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM items WHERE key = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> ReadETagAsync(HttpClient replica, long key)
    {
        using var response = await replica.GetAsync($"/data/{key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        return Assert.Single(response.Headers.GetValues("ETag"));
    }

    private static async Task<(long Hits, long Misses, long Loads)> MetricsAsync(HttpClient replica)
    {
        var metrics = await replica.GetFromJsonAsync<JsonElement>("/metrics");
        return (metrics.GetProperty("hits").GetInt64(), metrics.GetProperty("misses").GetInt64(), metrics.GetProperty("loads").GetInt64());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    private HttpRequestMessage Put(long key, string value, params (string Name, string Value)[] headers) =>
        WithKey(new HttpRequestMessage(HttpMethod.Put, $"/data/{key}")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { value }), Encoding.UTF8, "application/json"),
        }, headers);

    private HttpRequestMessage WithKey(HttpRequestMessage request, params (string Name, string Value)[] headers)
    {
        request.Headers.Add("X-Api-Key", fixture.WriteKey);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }
}
