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
        var api = fixture.Api;

        // The load generator's only way to reach the API is the "http://api" name; its traffic shows up in the
        // API's counters (our own tests use keys outside its key space).
        while (true)
        {
            var metrics = await api.GetStringAsync("/metrics", timeout.Token);
            var doc = System.Text.Json.JsonDocument.Parse(metrics).RootElement;
            if (doc.GetProperty("count").GetInt32() > 10)
            {
                return;
            }
            await Task.Delay(200, timeout.Token);
        }
    }
}
