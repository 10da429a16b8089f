namespace LruAspire.Caching;

/// <summary>
/// A point-in-time snapshot of a cache's counters.
/// </summary>
/// <remarks>
/// Misses are counted without a lock in striped cells that the snapshot sums; hits are counted by the read
/// buffer: when it drains the ones it took (the snapshot drains it first), and on each stripe the ones it dropped.
/// Hits are exact while no more threads than stripes (four per processor) read at once; threads that share a
/// stripe lose or repeat a few percent of their hit counts, the price of no atomic instruction per hit. The other
/// counters, <see cref="Count"/> and <see cref="Bytes"/> change only under the cache's policy
/// lock and are read together under it, so they agree with each other. Observers poll this snapshot (which is
/// exactly what OpenTelemetry observable counters and gauges do) instead of receiving a callback per event.
/// </remarks>
public readonly record struct LruCacheStatistics
{
    /// <summary>Lookups that found a live value.</summary>
    public long Hits { get; init; }

    /// <summary>Lookups that found nothing live (including expired entries found on the way).</summary>
    public long Misses { get; init; }

    /// <summary>Lookups answered by a remembered absence (negative caching).</summary>
    public long NegativeHits { get; init; }

    /// <summary>Entries dropped to make room (<see cref="EvictionReason.Capacity"/>).</summary>
    public long Evictions { get; init; }

    /// <summary>Entries reclaimed because they had expired (<see cref="EvictionReason.Expired"/>).</summary>
    public long Expirations { get; init; }

    /// <summary>Entries removed explicitly (<see cref="EvictionReason.Removed"/>).</summary>
    public long Removals { get; init; }

    /// <summary>Loader calls started by <c>GetOrCreateAsync</c>.</summary>
    public long Loads { get; init; }

    /// <summary>Misses that joined a load already in flight instead of starting their own.</summary>
    public long CoalescedLoads { get; init; }

    /// <summary>
    /// Hits (of values and of remembered absences) whose access the eviction policy never saw: the reader's
    /// read-buffer stripe was full, so the read was counted and dropped, as Caffeine's lossy read buffer does. They
    /// are part of <see cref="Hits"/> and <see cref="NegativeHits"/>. A share of the hits that stays high means reads
    /// arrive faster than maintenance applies them, and the policy decides on a sample of them; 0 under
    /// <see cref="CachePolicy.Lru"/> or <see cref="PolicyMaintenance.Caller"/> while one thread reads.
    /// </summary>
    public long DroppedReads { get; init; }

    /// <summary>Entries held right now (values and remembered absences), including expired entries not yet reclaimed.</summary>
    public int Count { get; init; }

    /// <summary>Remembered absences held right now (part of <see cref="Count"/>).</summary>
    public int Absences { get; init; }

    /// <summary>The most values the cache will hold.</summary>
    public int Capacity { get; init; }

    /// <summary>The most remembered absences the cache will hold, outside <see cref="Capacity"/>.</summary>
    public int MaxAbsences { get; init; }

    /// <summary>Total accounted size of the held values.</summary>
    public long Bytes { get; init; }

    /// <summary>The byte bound, or <see langword="null"/> when only the entry count is bounded.</summary>
    public long? MaxBytes { get; init; }

    /// <summary>Hits (including negative hits) over lookups, 0 when there were none.</summary>
    public double HitRate => Hits + NegativeHits + Misses == 0 ? 0 : (double)(Hits + NegativeHits) / (Hits + NegativeHits + Misses);

    /// <summary>The number of entries that left the cache for <paramref name="reason"/>.</summary>
    public long EvictionsBy(EvictionReason reason) => reason switch
    {
        EvictionReason.Capacity => Evictions,
        EvictionReason.Expired => Expirations,
        EvictionReason.Removed => Removals,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
