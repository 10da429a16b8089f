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
    /// client is better served by an answer it can retry (503 for a read, 504 for a write whose outcome is
    /// unknown). A stopped database does not wait for this: its refused connections fail at once. It is
    /// not shorter because a busy 2-core host with JIT warm-up bursts can take hundreds of milliseconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Share of failed calls within <see cref="SamplingDuration"/> that opens the circuit. Under a partial failure
    /// (a few slow calls among many fast ones) the ratio stays low and the circuit closed; when the database hangs,
    /// every call in the window has failed.
    /// </summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>
    /// Failed calls within <see cref="SamplingDuration"/> before <see cref="FailureRatio"/> counts: a few, so that
    /// the first wave of timeouts from a hung database opens the circuit (16 calls in flight time out together).
    /// A lone client sending one miss at a time never reaches it and waits <see cref="Timeout"/> per miss; it is
    /// not piling work on the database either.
    /// </summary>
    [Range(2, 10_000)]
    public int MinimumThroughput { get; set; } = 3;

    /// <summary>
    /// The window the breaker counts calls in. Keep it shorter than <see cref="Timeout"/>: when the database hangs,
    /// the first timeouts arrive one <see cref="Timeout"/> later, and by then a shorter window holds no success from
    /// before the hang, so that first wave opens the circuit. (With 10 s, thousands of earlier successes outvoted
    /// the timeouts and misses kept waiting their full timeout for several seconds.)
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an open circuit answers 503 without trying the database; after it one probe call decides (and
    /// while the probe runs, every other call is still refused at once). Short, so the API is back within about a
    /// second of PostgreSQL.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:01:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(1);

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
