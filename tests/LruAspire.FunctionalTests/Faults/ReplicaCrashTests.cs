using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Xunit.Abstractions;

namespace LruAspire.FunctionalTests.Faults;

/// <summary>One of the two API replicas is killed with SIGKILL under load: no shutdown, no draining.</summary>
[Collection(FaultAppCollection.Name)]
public class ReplicaCrashTests(FaultAppFixture fixture, ITestOutputHelper output)
{
    private static readonly long[] HotKeys = [9301, 9302, 9303];

    private const string BalancedTarget = "aspire-proxy";

    private long _nextColdKey = 5000;
    private string? _victim;
    private long _nextWriteKey = 800_000;

    [Fact]
    public async Task The_other_replica_keeps_answering_and_no_acknowledged_write_is_lost()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var replicas = await fixture.ReplicasAsync(timeout.Token);
        var (victim, survivor) = (replicas[0], replicas[1]);
        _victim = victim.ResourceId;
        await Traffic.WarmAsync(replicas, HotKeys);

        var clock = Stopwatch.StartNew();
        var traffic = new Traffic(clock, fixture.WriteKey);
        using var stopTraffic = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var loops = traffic.RunOnEach(
            replicas, HotKeys, missLoops: 1, () => Interlocked.Increment(ref _nextColdKey), writeLoops: 2, () => Interlocked.Increment(ref _nextWriteKey),
            stopTraffic.Token);
        // What a client of the endpoint sees: Aspire's proxy picks a replica per connection, so this client opens a
        // new connection for every request.
        using var balanced = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero })
        {
            BaseAddress = fixture.App.GetEndpoint("api", "http"),
        };
        loops.Add(traffic.RunAsync(BalancedTarget, balanced, RequestKind.Miss, () => Interlocked.Increment(ref _nextColdKey), stopTraffic.Token));
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);

        // DCP runs a project as "dotnet run --no-build"; the API is that command's child process.
        var api = ProcessTree.Find(victim.ProcessId, "LruAspire.Api")
            ?? throw new InvalidOperationException($"No LruAspire.Api process under {victim.ProcessId} ({string.Join(' ', ProcessTree.CommandLine(victim.ProcessId))})");
        var killed = clock.Elapsed;
        Process.GetProcessById(api).Kill(); // SIGKILL on Linux
        await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);
        await stopTraffic.CancelAsync();
        await Task.WhenAll(loops);

        var all = traffic.Samples.OrderBy(s => s.At).ToList();
        var audit = await WriteAudit.CheckAsync(fixture.DatabaseConnectionString, [.. traffic.Writes]);
        output.WriteLine($"requests: {all.Count}; " + string.Join(", ", all.GroupBy(s => (Role(s), s.Kind, s.Status))
            .OrderBy(g => g.Key).Select(g => $"{g.Key.Item1} {g.Key.Kind} {g.Key.Status} x{g.Count()}")));
        var balancedFailures = all.Where(s => s.Target == BalancedTarget && s.At > killed && s.Status != 200).ToList();
        output.WriteLine($"through Aspire's proxy after the kill: {balancedFailures.Count} failed requests, the last sent {Ms((balancedFailures.LastOrDefault()?.At ?? killed) - killed)} after the kill");
        output.WriteLine($"writes: {audit.Acknowledged} acknowledged and committed; {audit.UnknownCommitted + audit.UnknownNotCommitted} got no response " +
            $"({audit.UnknownCommitted} of them committed)");

        var survivorAfterKill = all.Where(s => s.Target == survivor.ResourceId && s.At > killed).ToList();
        Assert.NotEmpty(survivorAfterKill);
        Assert.All(all.Where(s => s.Target == survivor.ResourceId), s => Assert.Contains(s.Status, new[] { 200, 201, 404 }));
        Assert.All(all.Where(s => s.Target == victim.ResourceId && s.Done < killed), s => Assert.Contains(s.Status, new[] { 200, 201, 404 }));
        Assert.Contains(all, s => s.Target == victim.ResourceId && s.At > killed && s.Status == 0);
        // Nothing brought the victim back on its own: its last second of requests found nobody listening.
        Assert.All(all.Where(s => s.Target == victim.ResourceId && s.At > killed + TimeSpan.FromSeconds(2)), s => Assert.Equal(0, s.Status));

        // Aspire (run mode) does not restart a crashed project by itself; the dashboard's Start command does.
        var restarting = clock.Elapsed;
        output.WriteLine($"{victim.ResourceId} after the kill: {await StateAsync(victim.ResourceId, timeout.Token)}");
        var start = await fixture.App.ResourceCommands.ExecuteCommandAsync(victim.ResourceId, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(start.Success, start.Message);
        var back = await fixture.ReplicasAsync(timeout.Token);
        output.WriteLine($"restarted with the Start command: both replicas answering {Ms(clock.Elapsed - restarting)} later");
        Assert.Contains(back, r => r.ResourceId == victim.ResourceId && r.ProcessId != victim.ProcessId);
    }

    private string Role(Sample sample) => sample.Target == BalancedTarget ? "proxy" : sample.Target == _victim ? "victim" : "survivor";

    private async Task<string?> StateAsync(string resourceId, CancellationToken cancellationToken)
    {
        await foreach (var update in fixture.App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (update.ResourceId == resourceId && update.Snapshot.State?.Text is { } state && state != KnownResourceStates.Running)
            {
                return $"{state} (exit code {update.Snapshot.ExitCode})";
            }
        }
        return null;
    }

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F0} ms";
}
