using System.Net.Http.Json;
using System.Text.Json;

namespace LruAspire.FunctionalTests;

/// <summary>
/// Two replicas sit behind one address, so <c>/metrics</c> has to say whose numbers it gives: each replica names
/// itself exactly as the dashboard lists it (its DCP resource name, e.g. <c>api-xkwjhzpa</c>).
/// </summary>
[Collection(LruAppCollection.Name)]
public class ReplicaIdentityTests(LruAppFixture fixture)
{
    [Fact]
    public async Task Each_replica_names_itself_in_its_metrics_as_the_dashboard_names_it()
    {
        var instances = new List<string>();
        foreach (var replica in fixture.Replicas)
        {
            var metrics = await replica.GetFromJsonAsync<JsonElement>("/metrics");
            instances.Add(metrics.GetProperty("instance").GetString()!);
        }

        Assert.Equal((await ApiReplicaNamesAsync()).Order(), instances.Order());
    }

    /// <summary>The replicas' resource names, from Aspire's snapshots (the names the dashboard shows).</summary>
    private async Task<List<string>> ApiReplicaNamesAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var names = new HashSet<string>();
        await foreach (var update in fixture.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (update.Resource.Name == "api" && names.Add(update.ResourceId) && names.Count == fixture.Replicas.Count)
            {
                break;
            }
        }
        return [.. names];
    }
}
