using System.Collections.Concurrent;
using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Xunit.Abstractions;

namespace LruAspire.FunctionalTests;

/// <summary>
/// Stops the <c>postgres</c> resource under continuous traffic and starts it again. It gets an app of its own
/// (see <see cref="PostgresOutageCollection"/>) because an outage would break every test sharing the app.
/// </summary>
[Collection(PostgresOutageCollection.Name)]
public class PostgresOutageTests(LruAppFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RecoveryBudget = TimeSpan.FromSeconds(5);
    private static readonly int[] HotKeys = [7001, 7002, 7003, 7004, 7005];

    private int _nextColdKey = 8000;

    [Fact]
    public async Task Hits_keep_serving_misses_fail_fast_with_503_and_the_api_recovers_when_postgres_returns()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var api = fixture.Api;
        // Warm every replica: the proxy may send the traffic's connections to either of them.
        foreach (var replica in fixture.Replicas)
        {
            foreach (var key in HotKeys)
            {
                using var warm = await replica.GetAsync($"/data/{key}", timeout.Token);
                Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
            }
        }

        var clock = Stopwatch.StartNew();
        var samples = new ConcurrentQueue<Sample>();
        using var stopTraffic = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var traffic = Task.WhenAll(
            SendContinuouslyAsync(api, clock, samples, hit: true, stopTraffic.Token),
            SendContinuouslyAsync(api, clock, samples, hit: false, stopTraffic.Token));
        await Task.Delay(500, timeout.Token);

        var stopRequested = clock.Elapsed;
        var stop = await fixture.App.ResourceCommands.ExecuteCommandAsync("postgres", KnownResourceCommands.StopCommand, timeout.Token);
        Assert.True(stop.Success, stop.Message);
        var stopped = clock.Elapsed;

        await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);
        using (var health = await api.GetAsync("/health", timeout.Token))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        var startRequested = clock.Elapsed;
        var start = await fixture.App.ResourceCommands.ExecuteCommandAsync("postgres", KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(start.Success, start.Message);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("postgres", timeout.Token);
        var postgresHealthy = clock.Elapsed;

        // Recovered = every miss since this moment succeeded; wait until that has held for a while.
        var recovered = await WaitForRecoveryAsync(samples, clock, timeout.Token);
        await stopTraffic.CancelAsync();
        await traffic;

        var all = samples.OrderBy(s => s.At).ToList();
        var firstOutageMiss = all.FirstOrDefault(s => !s.Hit && s.Status == 503);
        output.WriteLine($"stop command: {Ms(stopped - stopRequested)}; first 503: {Ms((firstOutageMiss?.At ?? TimeSpan.Zero) - stopRequested)} after the stop request");
        output.WriteLine($"start command to postgres healthy: {Ms(postgresHealthy - startRequested)}; to full recovery: {Ms(recovered - postgresHealthy)} after healthy");
        output.WriteLine($"requests: {all.Count}; by status: {string.Join(", ", all.GroupBy(s => (s.Hit, s.Status)).Select(g => $"{(g.Key.Hit ? "hit" : "miss")} {g.Key.Status} x{g.Count()}"))}");
        output.WriteLine($"slowest miss during the outage: {Ms(all.Where(s => !s.Hit && s.At > stopped && s.At < startRequested).Select(s => s.Latency).DefaultIfEmpty().Max())}");

        Assert.DoesNotContain(all, s => s.Status >= 500 && s.Status != 503);
        // Cached keys are served for the whole outage. Once PostgreSQL is back, the invalidation listener
        // reconnects and flushes the cache (it may have missed notifications), so those keys become misses and
        // share the misses' recovery, which is asserted below.
        Assert.All(all.Where(s => s.Hit && s.At < startRequested), s => Assert.Equal(200, s.Status));
        Assert.All(all.Where(s => s.Status == 503), s =>
        {
            Assert.True(s.ProblemJson, "503 without a problem+json body");
            Assert.True(s.RetryAfterSeconds >= 1, "503 without Retry-After");
        });

        // Once postgres is gone, every miss is a 503 that took under a second.
        var outageMisses = all.Where(s => !s.Hit && s.At > stopped + FailFast && s.At < startRequested).ToList();
        Assert.NotEmpty(outageMisses);
        Assert.All(outageMisses, s =>
        {
            Assert.Equal(503, s.Status);
            Assert.True(s.Latency < FailFast, $"a miss took {Ms(s.Latency)} to fail");
        });
        Assert.NotNull(firstOutageMiss);
        Assert.True(firstOutageMiss.At - stopped < FailFast, $"first 503 came {Ms(firstOutageMiss.At - stopped)} after postgres stopped");

        Assert.True(recovered - postgresHealthy < RecoveryBudget, $"recovery took {Ms(recovered - postgresHealthy)}");
        using var after = await api.GetAsync("/health", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private async Task SendContinuouslyAsync(HttpClient api, Stopwatch clock, ConcurrentQueue<Sample> samples, bool hit, CancellationToken cancellationToken)
    {
        var index = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var key = hit ? HotKeys[index++ % HotKeys.Length] : Interlocked.Increment(ref _nextColdKey);
            var sent = clock.Elapsed;
            try
            {
                using var response = await api.GetAsync($"/data/{key}", cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                samples.Enqueue(new Sample(
                    sent,
                    clock.Elapsed - sent,
                    hit,
                    (int)response.StatusCode,
                    response.Content.Headers.ContentType?.MediaType == "application/problem+json" && !body.Contains(" at ", StringComparison.Ordinal),
                    response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0));
                await Task.Delay(20, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task<TimeSpan> WaitForRecoveryAsync(ConcurrentQueue<Sample> samples, Stopwatch clock, CancellationToken cancellationToken)
    {
        var since = clock.Elapsed;
        while (true)
        {
            await Task.Delay(100, cancellationToken);
            var lastFailure = samples.Where(s => !s.Hit && s.At >= since && s.Status != 200).Select(s => s.At).DefaultIfEmpty(since).Max();
            var successesAfter = samples.Count(s => !s.Hit && s.At > lastFailure && s.Status == 200);
            if (successesAfter >= 20)
            {
                return samples.Where(s => !s.Hit && s.At > lastFailure && s.Status == 200).Min(s => s.At);
            }
        }
    }

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F0} ms";

    private sealed record Sample(TimeSpan At, TimeSpan Latency, bool Hit, int Status, bool ProblemJson, double RetryAfterSeconds);
}

/// <summary>
/// A second app for tests that take PostgreSQL down. Not run in parallel with the shared collection, so its
/// timings are not skewed by another AppHost starting at the same moment on a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresOutageCollection : ICollectionFixture<LruAppFixture>
{
    public const string Name = "LruAspire app with a PostgreSQL outage";
}
