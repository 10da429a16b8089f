using System.Diagnostics;
using Xunit.Abstractions;

namespace LruAspire.FunctionalTests.Faults;

/// <summary>
/// PostgreSQL hung with SIGSTOP (the postmaster and every backend): connections stay open and nothing answers,
/// which is harder on clients than a stopped server that refuses connections.
/// </summary>
[Collection(FaultAppCollection.Name)]
public class HungPostgresTests(FaultAppFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan FailFast = TimeSpan.FromMilliseconds(50);
    // A call that took this long reached the hung database and waited for the store timeout.
    private static readonly TimeSpan Waited = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RecoveryBudget = TimeSpan.FromSeconds(5);
    private static readonly long[] HotKeys = [9201, 9202, 9203, 9204, 9205];

    private long _nextColdKey = 1000;
    private long _nextWriteKey = 700_000;

    [Fact]
    public async Task Hits_keep_serving_misses_and_writes_fail_fast_once_the_breaker_opens_and_no_write_outcome_is_misreported()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var replicas = await fixture.ReplicasAsync(timeout.Token);
        await Traffic.WarmAsync(replicas, HotKeys);

        var clock = Stopwatch.StartNew();
        var traffic = new Traffic(clock, fixture.WriteKey);
        using var stopTraffic = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var loops = traffic.RunOnEach(
            replicas, HotKeys, missLoops: 3, () => Interlocked.Increment(ref _nextColdKey), writeLoops: 1, () => Interlocked.Increment(ref _nextWriteKey),
            stopTraffic.Token);
        await Task.Delay(TimeSpan.FromSeconds(1.5), timeout.Token);

        var stopped = clock.Elapsed;
        var frozen = ProcessSignals.StopTree(fixture.PostmasterPid);
        TimeSpan resumed;
        try
        {
            await Task.Delay(Hang, timeout.Token);
        }
        finally
        {
            // Stamped before the signals go out: a backend may run, and a breaker probe succeed, while the rest of
            // the tree is still being resumed, so "before resumed" must mean "while every process was stopped".
            resumed = clock.Elapsed;
            ProcessSignals.Continue(frozen);
        }

        var recovered = await WaitForRecoveryAsync(traffic, clock, resumed, timeout.Token);
        await stopTraffic.CancelAsync();
        await Task.WhenAll(loops);
        // Statements a hung backend had already received run the moment it resumes; give them time to commit.
        await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);

        var all = traffic.Samples.OrderBy(s => s.At).ToList();
        var audit = await WriteAudit.CheckAsync(fixture.DatabaseConnectionString, [.. traffic.Writes]);
        output.WriteLine($"{frozen.Count} PostgreSQL processes frozen for {Ms(resumed - stopped)}; requests: {all.Count}; " +
            string.Join(", ", all.GroupBy(s => (s.Kind, s.Status)).OrderBy(g => g.Key).Select(g => $"{g.Key.Kind} {g.Key.Status} x{g.Count()}")));
        output.WriteLine($"writes: {audit.Acknowledged} acknowledged and committed, {audit.Refused} answered 503 and not committed, " +
            $"{audit.UnknownCommitted} answered 504 and committed, {audit.UnknownNotCommitted} answered 504 and not committed");

        Assert.DoesNotContain(all, s => s.Status is not (200 or 201 or 404 or 503 or 504));
        Assert.All(all.Where(s => s.Kind == RequestKind.Hit && s.At < resumed), s => Assert.Equal(200, s.Status));
        Assert.All(all.Where(s => s.Status is 503 or 504), s =>
        {
            Assert.True(s.ProblemJson, "a 503/504 without a problem+json body");
            Assert.True(s.RetryAfterSeconds >= 1, "a 503/504 without Retry-After");
        });

        output.WriteLine("writes in flight when PostgreSQL froze: " + string.Join(", ", traffic.Writes
            .Where(w => w.At < stopped && w.Done > stopped).Select(w => $"{w.Status} after {Ms(w.Latency)}")));
        var hitLatencies = Percentiles(all.Where(s => s.Kind == RequestKind.Hit && s.At > stopped && s.Done < resumed));
        output.WriteLine($"hits while frozen: p50 {hitLatencies.P50:F1} ms, p99 {hitLatencies.P99:F1} ms, max {hitLatencies.Max:F1} ms");
        foreach (var replica in replicas)
        {
            var storeCalls = all.Where(s => s.Target == replica.ResourceId && s.Kind != RequestKind.Hit).ToList();
            var opened = storeCalls.First(s => s.At > stopped && s.Status == 503 && s.Latency < Waited).Done;
            var whileOpen = storeCalls.Where(s => s.At > opened && s.Done < resumed).ToList();
            // While open, the only calls that reach the database and wait for the timeout are the breaker's probes
            // (one per break) and the few queued calls that slipped in before it opened; every other is refused.
            var probes = whileOpen.Where(s => s.Latency >= Waited).ToList();
            var refusals = whileOpen.Except(probes).ToList();
            var refused = Percentiles(refusals);
            output.WriteLine($"{replica.ResourceId}: breaker open {Ms(opened - stopped)} after the freeze; then {refusals.Count} calls refused " +
                $"(p50 {refused.P50:F1} ms, p90 {refused.P90:F1} ms, p99 {refused.P99:F1} ms, max {refused.Max:F1} ms) and {probes.Count} probes " +
                $"({string.Join(", ", probes.Select(s => $"{s.Kind} {s.Status} in {Ms(s.Latency)}"))})");

            Assert.True(opened - stopped < StoreTimeout + BreakDuration, $"the breaker opened {Ms(opened - stopped)} after the freeze");
            Assert.All(refusals, s => Assert.Equal(503, s.Status));
            Assert.True(refused.P50 <= FailFast.TotalMilliseconds, $"refusals took {refused.P50:F1} ms at the median");
            Assert.True(probes.Count <= (resumed - opened) / BreakDuration + 3, $"{probes.Count} calls waited while the circuit was open");
        }

        output.WriteLine($"misses and writes all succeed again {Ms(recovered - resumed)} after PostgreSQL resumed");
        Assert.True(recovered - resumed < RecoveryBudget, $"recovery took {Ms(recovered - resumed)}");
    }

    /// <summary>The start of the run of successful misses and writes that has lasted 20 requests (per kind) since <paramref name="since"/>.</summary>
    private static async Task<TimeSpan> WaitForRecoveryAsync(Traffic traffic, Stopwatch clock, TimeSpan since, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(100, cancellationToken);
            var storeCalls = traffic.Samples.Where(s => s.Kind != RequestKind.Hit && s.At >= since).ToList();
            var lastFailure = storeCalls.Where(s => s.Status is not (200 or 201 or 404)).Select(s => s.At).DefaultIfEmpty(since).Max();
            var after = storeCalls.Where(s => s.At > lastFailure).ToList();
            if (after.Count(s => s.Kind == RequestKind.Miss) >= 20 && after.Count(s => s.Kind == RequestKind.Write) >= 20)
            {
                return after.Min(s => s.At);
            }
            Assert.True(clock.Elapsed - since < TimeSpan.FromSeconds(30), "misses and writes did not recover within 30 s");
        }
    }

    private static (double P50, double P90, double P99, double Max) Percentiles(IEnumerable<Sample> samples)
    {
        var sorted = samples.Select(s => s.Latency.TotalMilliseconds).Order().ToList();
        Assert.NotEmpty(sorted);
        double At(double quantile) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(quantile * sorted.Count))];
        return (At(0.5), At(0.9), At(0.99), sorted[^1]);
    }

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F0} ms";
}
