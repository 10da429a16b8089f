using System.Text;
using System.Text.Json;

namespace LruAspire.FunctionalTests;

/// <summary>
/// Cross-replica coherence on the real app: two API replicas, each with its own LRU, kept in step by
/// PostgreSQL LISTEN/NOTIFY. Keys 7000+ are outside the load generator's key space.
/// </summary>
[Collection(LruAppCollection.Name)]
public class CoherenceTests(LruAppFixture fixture)
{
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
        await Replica.AssertCachedAsync(ReplicaB, 7001, "value-7001");

        using var put = await ReplicaA.SendAsync(Put(7001, "written-on-a"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await Replica.WaitUntilAsync(async () => await Replica.ReadValueAsync(ReplicaB, 7001) == "written-on-a");
    }

    [Fact]
    public async Task A_new_item_created_through_one_replica_is_read_through_the_other()
    {
        using var missing = await ReplicaB.GetAsync("/data/7900000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var put = await ReplicaA.SendAsync(Put(7900000, "created-on-a"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        await Replica.WaitUntilAsync(async () => await Replica.ReadValueAsync(ReplicaB, 7900000) == "created-on-a");
    }

    [Fact]
    public async Task A_delete_through_one_replica_is_seen_by_the_other()
    {
        await Replica.AssertCachedAsync(ReplicaB, 7002, "value-7002");

        using var delete = await ReplicaA.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Delete, "/data/7002")));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        await Replica.WaitUntilAsync(async () =>
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
