using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace LruAspire.FunctionalTests;

[Collection(LruAppCollection.Name)]
public class LoadGenCommandTests(LruAppFixture fixture)
{
    [Fact]
    public async Task Compare_command_runs_the_scenario_through_the_load_generator()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await fixture.App.ResourceNotifications.WaitForResourceAsync("loadgen", KnownResourceStates.Running, timeout.Token);
        var hitsBefore = await TotalHitsAsync(timeout.Token);

        // The same call the dashboard button makes: an HTTP command against the load generator's control endpoint.
        var result = await fixture.App.ResourceCommands.ExecuteCommandAsync("loadgen", "run-compare", timeout.Token);

        Assert.True(result.Success, result.Message);
        var started = JsonDocument.Parse(result.Data!.Value).RootElement;
        Assert.Equal("compare", started.GetProperty("scenario").GetString());
        var runId = started.GetProperty("id").GetInt32();

        using var control = fixture.App.CreateHttpClient("loadgen", "control");
        JsonElement run;
        do
        {
            await Task.Delay(250, timeout.Token);
            run = await control.GetFromJsonAsync<JsonElement>($"/runs/{runId}", timeout.Token);
        }
        while (run.GetProperty("state").GetString() == "Running");

        Assert.Equal("Completed", run.GetProperty("state").GetString());
        var summary = run.GetProperty("summary");
        var phases = summary.GetProperty("phases").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["cache", "database"], phases.Keys.Order());
        foreach (var phase in phases.Values)
        {
            Assert.True(phase.GetProperty("requests").GetInt64() > 0);
            Assert.Equal(0, phase.GetProperty("errors").GetInt64());
        }
        // The cache phase was served by the cache and the database phase bypassed it, as the API's header says.
        Assert.True(phases["cache"].GetProperty("cacheHeaders").GetProperty("HIT").GetInt64() > 0);
        Assert.Equal(phases["database"].GetProperty("requests").GetInt64(),
            phases["database"].GetProperty("cacheHeaders").GetProperty("BYPASS").GetInt64());
        Assert.True(summary.GetProperty("comparison").GetProperty("throughputRatio").GetDouble() > 0);

        // And the API counted the traffic (on whichever replicas the proxy sent the generator's connections to).
        var hitsAfter = await TotalHitsAsync(timeout.Token);
        Assert.True(hitsAfter - hitsBefore >= phases["cache"].GetProperty("cacheHeaders").GetProperty("HIT").GetInt64());
    }

    private async Task<long> TotalHitsAsync(CancellationToken cancellationToken)
    {
        long hits = 0;
        foreach (var replica in fixture.Replicas)
        {
            hits += (await replica.GetFromJsonAsync<JsonElement>("/metrics", cancellationToken)).GetProperty("hits").GetInt64();
        }
        return hits;
    }
}
