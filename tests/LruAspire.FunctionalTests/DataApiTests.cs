using System.Net.Http.Json;
using System.Text.Json;

namespace LruAspire.FunctionalTests;

[Collection(LruAppCollection.Name)]
public class DataApiTests(LruAppFixture fixture)
{
    private HttpClient Api => fixture.Api;

    [Fact]
    public async Task First_read_is_a_miss_with_the_seeded_value_and_the_second_a_hit()
    {
        // Key 5000 is outside the load generator's key space in these tests, so it is cold here.
        using var first = await Api.GetAsync("/data/5000");
        using var second = await Api.GetAsync("/data/5000");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("MISS", Assert.Single(first.Headers.GetValues("X-Cache")));
        Assert.Equal("HIT", Assert.Single(second.Headers.GetValues("X-Cache")));
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5000, body.GetProperty("key").GetInt64());
        Assert.Equal("value-5000", body.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Metrics_count_the_hit_and_the_miss()
    {
        var before = await GetMetricsAsync();

        (await Api.GetAsync("/data/6000")).Dispose();
        (await Api.GetAsync("/data/6000")).Dispose();

        var after = await GetMetricsAsync();
        Assert.True(after.GetProperty("hits").GetInt64() >= before.GetProperty("hits").GetInt64() + 1);
        Assert.True(after.GetProperty("misses").GetInt64() >= before.GetProperty("misses").GetInt64() + 1);
        Assert.Equal(1000, after.GetProperty("capacity").GetInt32());
        Assert.InRange(after.GetProperty("hit_rate").GetDouble(), 0, 1);
        Assert.True(after.TryGetProperty("evictions", out _));
        Assert.True(after.GetProperty("count").GetInt32() >= 1);
    }

    [Fact]
    public async Task Concurrent_reads_of_a_cold_key_on_one_replica_query_postgres_once()
    {
        // One replica's own address: single flight is per process. Key 7000 is cold (outside the generator's keys).
        var replica = fixture.Replicas[0];
        var before = await replica.GetFromJsonAsync<JsonElement>("/metrics");

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => replica.GetAsync("/data/7000")));

        var after = await replica.GetFromJsonAsync<JsonElement>("/metrics");
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var outcomes = responses.Select(response => Assert.Single(response.Headers.GetValues("X-Cache"))).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }
        // Exactly one request read PostgreSQL; the others joined its read (COALESCED) or came after it (HIT).
        Assert.Equal(1, outcomes.Count(outcome => outcome == "MISS"));
        Assert.Equal(63, outcomes.Count(outcome => outcome is "COALESCED" or "HIT"));
        // Every COALESCED header is a load the engine counted as joined, not as a second query.
        Assert.True(after.GetProperty("coalesced_loads").GetInt64() - before.GetProperty("coalesced_loads").GetInt64()
            >= outcomes.Count(outcome => outcome == "COALESCED"));
    }

    [Fact]
    public async Task Missing_key_is_404_problem_details()
    {
        using var response = await Api.GetAsync("/data/987654321");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("9223372036854775808")]
    public async Task Bad_key_is_400_problem_details(string key)
    {
        using var response = await Api.GetAsync($"/data/{key}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_endpoint_reports_healthy()
    {
        using var response = await Api.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> GetMetricsAsync() => await Api.GetFromJsonAsync<JsonElement>("/metrics");
}
