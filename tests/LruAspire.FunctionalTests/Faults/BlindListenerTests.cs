using System.Diagnostics;
using Xunit.Abstractions;

namespace LruAspire.FunctionalTests.Faults;

/// <summary>
/// A half-open invalidation listener: the proxy between the replicas' LISTEN connections and PostgreSQL stops
/// forwarding without closing anything, while the pooled connections still reach the database.
/// </summary>
[Collection(FaultAppCollection.Name)]
public class BlindListenerTests(FaultAppFixture fixture, ITestOutputHelper output)
{
    private const long Key = 9101;
    private static readonly TimeSpan StalenessBudget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReconnectBudget = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_blind_listener_is_noticed_its_replica_stops_serving_stale_values_reports_Degraded_and_recovers()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var replicas = await fixture.ReplicasAsync(timeout.Token);
        var (writer, reader) = (replicas[0], replicas[1]);
        var clock = Stopwatch.StartNew();
        await WaitForAsync(clock, async () => await writer.HealthAsync() == "Healthy" && await reader.HealthAsync() == "Healthy", ReconnectBudget);

        Assert.Equal(HttpStatusCode.OK, await writer.WriteAsync(Key, "before", fixture.WriteKey));
        // The write's own notification may still evict the first copy the reader loads.
        await WaitForAsync(clock, async () => await reader.ReadAsync(Key) == (HttpStatusCode.OK, "before", "HIT"), StalenessBudget);

        var blackHoled = clock.Elapsed;
        fixture.ListenerProxy.BlackHole();
        try
        {
            Assert.Equal(HttpStatusCode.OK, await writer.WriteAsync(Key, "after", fixture.WriteKey));
            var acknowledged = clock.Elapsed;

            // The reader never hears of the write; it must stop serving the old value once it notices.
            var fresh = await WaitForAsync(clock, async () => (await reader.ReadAsync(Key)).Value == "after", StalenessBudget);
            Assert.Equal("Degraded", await reader.HealthAsync());
            output.WriteLine($"stale reads until {Ms(fresh - acknowledged)} after the write was acknowledged, {Ms(fresh - blackHoled)} after the black hole; then /health Degraded");
            Assert.True(fresh - acknowledged < StalenessBudget, $"stale for {Ms(fresh - acknowledged)}");

            // While blind and the database answers, reads bypass the cache: another unheard write shows at once.
            Assert.Equal(HttpStatusCode.OK, await writer.WriteAsync(Key, "while-blind", fixture.WriteKey));
            Assert.Equal((HttpStatusCode.OK, "while-blind", "BYPASS"), await reader.ReadAsync(Key));
            Assert.Equal((HttpStatusCode.OK, "while-blind", "BYPASS"), await reader.ReadAsync(Key));
        }
        finally
        {
            fixture.ListenerProxy.Heal();
        }

        var healed = clock.Elapsed;
        var healthy = await WaitForAsync(clock, async () => await reader.HealthAsync() == "Healthy" && await writer.HealthAsync() == "Healthy", ReconnectBudget);
        output.WriteLine($"both replicas Healthy {Ms(healthy - healed)} after the route healed");

        // Listening again: the cache is used and kept coherent.
        Assert.Equal((HttpStatusCode.OK, "while-blind", "MISS"), await reader.ReadAsync(Key));
        Assert.Equal((HttpStatusCode.OK, "while-blind", "HIT"), await reader.ReadAsync(Key));
        Assert.Equal(HttpStatusCode.OK, await writer.WriteAsync(Key, "heard", fixture.WriteKey));
        await WaitForAsync(clock, async () => (await reader.ReadAsync(Key)).Value == "heard", StalenessBudget);
    }

    /// <summary>Polls every 20 ms; returns the time on <paramref name="clock"/> when the condition held, or fails after <paramref name="budget"/>.</summary>
    private static async Task<TimeSpan> WaitForAsync(Stopwatch clock, Func<Task<bool>> condition, TimeSpan budget)
    {
        var deadline = clock.Elapsed + budget;
        while (!await condition())
        {
            Assert.True(clock.Elapsed < deadline, $"Condition not met within {budget}.");
            await Task.Delay(20);
        }
        return clock.Elapsed;
    }

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F0} ms";
}
