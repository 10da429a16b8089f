using LruAspire.LoadGen.CacheApi;
using LruAspire.LoadGen.Measurement;
using LruAspire.LoadGen.Runs;

namespace LruAspire.LoadGen.Tests;

public class SummaryTests
{
    [Fact]
    public void Comparison_divides_cache_by_database()
    {
        var cache = Phase("cache", throughput: 12_000, p50: 0.5, p99: 2.0);
        var database = Phase("database", throughput: 3_000, p50: 2.0, p99: 10.0);

        var comparison = CacheComparison.From(cache, database);

        Assert.Equal(4.0, comparison.ThroughputRatio);
        Assert.Equal(4.0, comparison.P50Ratio);
        Assert.Equal(5.0, comparison.P99Ratio);
        Assert.Equal("cache vs database: 4.0× throughput, 5.0× lower p99 (4.0× lower p50)", comparison.Headline);
    }

    [Fact]
    public void Api_metrics_change_is_the_hit_ratio_of_the_run_only()
    {
        var change = new ApiMetricsChange(
            new ApiCacheMetrics(Hits: 100, Misses: 900, HitRate: 0.1, Evictions: 0, Count: 1000, Capacity: 1000),
            new ApiCacheMetrics(Hits: 1_000, Misses: 1_000, HitRate: 0.5, Evictions: 5, Count: 1000, Capacity: 1000));

        Assert.Equal(900, change.Hits);
        Assert.Equal(100, change.Misses);
        Assert.Equal(5, change.Evictions);
        Assert.Equal(0.9, change.HitRatio);
    }

    [Fact]
    public void Readings_from_different_replicas_give_no_hit_ratio()
    {
        // Through a proxy the "after" reading reached a replica that had served fewer requests.
        var change = new ApiMetricsChange(
            new ApiCacheMetrics(Hits: 11_185, Misses: 6_192, HitRate: 0.64, Evictions: 3_678, Count: 1000, Capacity: 1000),
            new ApiCacheMetrics(Hits: 3_099, Misses: 5_575, HitRate: 0.36, Evictions: 3_225, Count: 1000, Capacity: 1000));

        Assert.False(change.IsConsistent);
        Assert.Null(change.HitRatio);
        var summary = new RunSummary(
            RunId: 1, Scenario: "read-cold", Profile: "load", Target: "http://api/", Seed: 7,
            StartedAt: DateTimeOffset.UnixEpoch, ElapsedSeconds: 60, Settings: new LoadProfile(),
            Phases: [Phase("read", 120, 2.0, 14.0)], ApiMetrics: change, Comparison: null, Herd: null, Notes: []);
        Assert.Contains("API /metrics: not comparable", SummaryTable.Format(summary), StringComparison.Ordinal);
        Assert.DoesNotContain("hits +", SummaryTable.Format(summary), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "HIT", "MISS", "COALESCED", "BYPASS", "NONE" }, new long[] { 6, 1, 1, 50, 3 }, 0.75)]
    [InlineData(new[] { "BYPASS" }, new long[] { 10 }, null)]
    public void Phase_hit_ratio_counts_the_runs_own_cached_reads(string[] headers, long[] counts, double? expected)
    {
        var phase = new PhaseSummary("read", 1, 1, counts.Sum(), 1, 0, 0, 0, 0, new LatencySummary(1, 1, 1, 1, 1, 1),
            new Dictionary<string, long>(), headers.Zip(counts).ToDictionary(p => p.First, p => p.Second));

        Assert.Equal(expected, phase.CacheHitRatio);
    }

    [Fact]
    public void Hit_ratio_is_undefined_when_the_cache_saw_no_lookups()
    {
        var metrics = new ApiCacheMetrics(10, 10, 0.5, 0, 10, 1000);

        Assert.Null(new ApiMetricsChange(metrics, metrics).HitRatio);
    }

    [Fact]
    public void Table_has_a_row_per_phase_with_the_numbers_and_the_notes()
    {
        var summary = new RunSummary(
            RunId: 3, Scenario: "compare", Profile: "saturate", Target: "http://api/", Seed: 7,
            StartedAt: DateTimeOffset.UnixEpoch, ElapsedSeconds: 61.5, Settings: new LoadProfile(),
            Phases: [Phase("cache", 12_000, 0.5, 2.0), Phase("database", 3_000, 2.0, 10.0)],
            ApiMetrics: new ApiMetricsChange(new ApiCacheMetrics(0, 0, 0, 0, 0, 1000), new ApiCacheMetrics(360_000, 1_000, 0.9972, 0, 1000, 1000)),
            Comparison: null, Herd: null, Notes: ["cache vs database: 4.0× throughput"]);

        var lines = SummaryTable.Format(summary).Split('\n');

        Assert.StartsWith("LoadGen compare (profile saturate) against http://api/: 61.5 s, seed 7", lines[0]);
        Assert.StartsWith("phase ", lines[1]);
        Assert.Matches(@"^cache\s+4\s+360000\s+12000\.0\s+0\s+0\.00\s+.*\s0\.50\s.*\s2\.00\s.*\s100\.0\s+200:360000\s+HIT:360000$", lines[3]);
        Assert.Matches(@"^database\s+4\s+90000\s+3000\.0\s.*\s-\s+200:90000\s+BYPASS:90000$", lines[4]);
        Assert.Contains("hit ratio during the run 99.7%", lines[5], StringComparison.Ordinal);
        Assert.Equal("cache vs database: 4.0× throughput", lines[6]);
        Assert.All(lines, line => Assert.Equal(line.TrimEnd(), line));
    }

    private static PhaseSummary Phase(string name, double throughput, double p50, double p99) => new(
        name, Users: 4, ElapsedSeconds: 30, Requests: (long)(throughput * 30), Throughput: throughput, Errors: 0, ErrorRate: 0,
        WritesOk: 0, WritesUnavailable: 0, Latency: new LatencySummary(p50, p50, p99, p99, p99, p99 * 2),
        StatusCodes: new Dictionary<string, long> { ["200"] = (long)(throughput * 30) },
        CacheHeaders: new Dictionary<string, long> { [name == "cache" ? "HIT" : "BYPASS"] = (long)(throughput * 30) });
}
