using Aspire.Hosting.ApplicationModel;

namespace LruAspire.FunctionalTests;

[Collection(LruAppCollection.Name)]
public class AppHostResourceTests(LruAppFixture fixture)
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("lrudb")]
    [InlineData("api")]
    [InlineData("loadgen")]
    public async Task Resource_reaches_running(string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var resourceEvent = await fixture.App.ResourceNotifications.WaitForResourceAsync(
            name, e => e.Snapshot.State?.Text == KnownResourceStates.Running, timeout.Token);

        Assert.Equal(KnownResourceStates.Running, resourceEvent.Snapshot.State?.Text);
    }

    [Fact]
    public async Task Load_generator_reached_the_api_through_service_discovery()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        // The load generator's only way to reach the API is the "http://api" name; its traffic shows up in the
        // API's counters (our own tests use keys outside its key space). The proxy may have sent its connections
        // to either replica, so the replicas' counts are added up.
        while (true)
        {
            var cached = 0;
            foreach (var replica in fixture.Replicas)
            {
                var metrics = await replica.GetStringAsync("/metrics", timeout.Token);
                cached += System.Text.Json.JsonDocument.Parse(metrics).RootElement.GetProperty("count").GetInt32();
            }
            if (cached > 10)
            {
                return;
            }
            await Task.Delay(200, timeout.Token);
        }
    }
}
