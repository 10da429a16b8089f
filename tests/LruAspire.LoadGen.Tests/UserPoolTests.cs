using System.Diagnostics;
using System.Diagnostics.Metrics;
using LruAspire.LoadGen.CacheApi;
using LruAspire.LoadGen.Scenarios;
using LruAspire.LoadGen.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LruAspire.LoadGen.Tests;

public sealed class UserPoolTests : IAsyncLifetime
{
    private CountingApi _api = null!;
    private HttpClient _http = null!;
    private ServiceProvider _services = null!;
    private UserPool _pool = null!;

    public async Task InitializeAsync()
    {
        _api = await CountingApi.StartAsync();
        _http = new HttpClient { BaseAddress = _api.BaseAddress };
        // Pay for the connection and JIT here, not inside a one-second phase.
        (await _http.GetAsync("/metrics")).Dispose();
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var options = Options.Create(new LoadOptions { ProgressInterval = TimeSpan.FromSeconds(1) });
        _pool = new UserPool(
            new ApiClient(_http, options), new LoadGenMeter(_services.GetRequiredService<IMeterFactory>()), options,
            NullLogger<UserPool>.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _services.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Request_budget_bounds_the_phase_exactly()
    {
        var profile = new LoadProfile { Users = 8, SpawnRate = 1_000, Requests = 500, Duration = TimeSpan.FromMinutes(1), KeySpace = 50 };
        var keys = new Keys.UniformKeySampler(50);

        var phase = await _pool.RunAsync(new PhasePlan("test", "read", profile, r => new LoadRequest(RequestKind.Read, keys.Next(r)), Seed: 1), default);

        Assert.Equal(500, phase.Requests);
        Assert.Equal(500, _api.TotalReads);
        Assert.Equal(0, phase.Errors);
        Assert.Equal(8, phase.Users);
        Assert.Equal(500, phase.StatusCodes["200"]);
    }

    [Fact]
    public async Task Duration_bounds_the_phase()
    {
        var profile = new LoadProfile
        {
            // 3 s, not 1 s: the first request pays JIT and connection set-up, which took over a second on a
            // CI machine busy with the other test assemblies and left a 1 s phase with no request at all.
            Users = 3, SpawnRate = 100, Duration = TimeSpan.FromSeconds(3),
            ThinkTimeMin = TimeSpan.FromMilliseconds(10), ThinkTimeMax = TimeSpan.FromMilliseconds(20),
        };
        var started = Stopwatch.GetTimestamp();

        var phase = await _pool.RunAsync(new PhasePlan("test", "read", profile, _ => new LoadRequest(RequestKind.Read, 1), Seed: 1), default);

        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(10));
        // 3 users each pausing 10-20 ms: at most ~900 requests in three seconds; on a busy machine far fewer.
        Assert.InRange(phase.Requests, 1, 1_000);
        // Requests cut off by the deadline reach the server but are not counted.
        Assert.InRange(_api.TotalReads, phase.Requests, phase.Requests + profile.Users);
    }

    [Fact]
    public async Task Same_seed_sends_the_same_keys()
    {
        var profile = new LoadProfile { Users = 1, SpawnRate = 1, Requests = 50, KeySpace = 1_000 };
        var keys = new Keys.UniformKeySampler(1_000);
        var first = new List<long>();
        var second = new List<long>();

        await _pool.RunAsync(new PhasePlan("test", "a", profile, r => Track(first, keys.Next(r)), Seed: 9), default);
        await _pool.RunAsync(new PhasePlan("test", "b", profile, r => Track(second, keys.Next(r)), Seed: 9), default);

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 10);
    }

    [Fact]
    public async Task Herd_sends_every_user_to_the_same_cold_key_per_round()
    {
        var herd = new HerdScenario(_pool);
        var profile = new LoadProfile { Users = 5, Requests = 15, KeySpace = 100, Duration = TimeSpan.FromSeconds(30) };

        var result = await herd.RunAsync(new ScenarioRun(profile, null, Seed: 1), default);

        Assert.Equal(15, result.Phases[0].Requests);
        Assert.Equal(new Dictionary<long, int> { [100] = 5, [99] = 5, [98] = 5 }, _api.ReadsPerKey.ToDictionary());
        Assert.Equal(3, result.Herd!.Rounds);
        // The counting server answers MISS once per key and COALESCED once: one "database read" per round.
        Assert.Equal(1.0, result.Herd.DatabaseReadsPerRound);
        Assert.Equal(new Dictionary<string, long> { ["HIT"] = 9, ["MISS"] = 3, ["COALESCED"] = 3 }, result.Phases[0].CacheHeaders);
    }

    [Fact]
    public async Task Compare_reads_a_hot_set_that_fits_the_cache_warmed_before_the_cache_phase()
    {
        var compare = new CompareScenario(_pool, new ApiClient(_http, Options.Create(new LoadOptions())));
        var profile = new LoadProfile { Users = 4, SpawnRate = 1_000, Requests = 400, KeySpace = 10_000, Duration = TimeSpan.FromMinutes(1) };
        var metrics = new ApiCacheMetrics(Hits: 0, Misses: 0, HitRate: 0, Evictions: 0, Count: 0, Capacity: 100);

        var result = await compare.RunAsync(new ScenarioRun(profile, metrics, Seed: 1), default);

        // 80 % of the capacity: keys 1..80, each read once to warm up, then 400 reads per phase among them.
        Assert.Equal(80, _api.ReadsPerKey.Keys.Max());
        Assert.Equal(80 + 800, _api.TotalReads);
        Assert.False(result.Phases[0].CacheHeaders.ContainsKey("MISS")); // the warm-up took every first read
    }

    [Fact]
    public async Task Compare_says_what_it_measures_and_what_the_generator_cost()
    {
        var compare = new CompareScenario(_pool, new ApiClient(_http, Options.Create(new LoadOptions())));
        var profile = new LoadProfile { Users = 4, SpawnRate = 1_000, Requests = 400, KeySpace = 100, Duration = TimeSpan.FromMinutes(1) };

        var result = await compare.RunAsync(new ScenarioRun(profile, MetricsBefore: null, Seed: 1), default);

        Assert.All(result.Phases, phase => Assert.True(phase.GeneratorCpuSeconds > 0));
        Assert.All(result.Phases, phase => Assert.True(phase.GeneratorCpuShare(Environment.ProcessorCount) > 0));
        var note = Assert.Single(result.Notes, n => n.StartsWith("What this measures: 4 closed-loop users", StringComparison.Ordinal));
        Assert.Contains($"this machine's {Environment.ProcessorCount} cores", note, StringComparison.Ordinal);
        Assert.Matches(@"used \d+% \(\d+ µs CPU per request\) of them in the cache phase and \d+% \(\d+ µs CPU per request\) in the database phase", note);
    }

    private static LoadRequest Track(List<long> keys, long key)
    {
        keys.Add(key);
        return new LoadRequest(RequestKind.Read, key);
    }
}
