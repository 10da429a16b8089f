using System.ComponentModel.DataAnnotations;

namespace LruAspire.Api.Store;

/// <summary>
/// How hard the API leans on PostgreSQL (configuration section <c>ItemStore:Resilience</c>). Only cache misses
/// (and <c>Cache-Control: no-cache</c> reads) reach the store, so these limits never slow down hits.
/// </summary>
public sealed class ItemStoreResilienceOptions
{
    public const string SectionName = "ItemStore:Resilience";

    /// <summary>
    /// Longest one store call may take (time spent queued for a slot does not count). A primary-key lookup
    /// takes about a millisecond; one that needs two seconds means the database is hung or swamped, and the
    /// client is better served by a 503 it can retry. A stopped database does not wait for this: its refused
    /// connections fail at once. 500 ms proved too tight on an oversubscribed 2-core host (JIT warm-up bursts).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of failed calls within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed within <see cref="SamplingDuration"/> before <see cref="FailureRatio"/> counts.</summary>
    [Range(2, 10_000)]
    public int MinimumThroughput { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an open circuit answers 503 without trying the database; after it one probe call decides.
    /// Short, so the API is back within seconds of PostgreSQL.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:01:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Store calls in flight at once; the connection pool (100 by default) is not the only limit.</summary>
    [Range(1, 1_000)]
    public int MaxConcurrentCalls { get; set; } = 16;

    /// <summary>
    /// Calls that may wait for a free slot; the next one is rejected at once (503). Large enough that 200
    /// clients missing at the same time only queue (each wait is a few one-millisecond lookups), small enough
    /// that a stalled database cannot pile up unbounded work.
    /// </summary>
    [Range(0, 100_000)]
    public int QueueLength { get; set; } = 256;
}
