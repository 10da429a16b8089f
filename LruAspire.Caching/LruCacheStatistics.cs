namespace LruAspire.Caching;

/// <summary>
/// A point-in-time snapshot of a cache's counters, built by summing per-stripe counters.
/// </summary>
/// <remarks>
/// The counters are plain fields incremented under the stripe lock the operation already holds, so counting
/// costs no interlocked instruction and no shared cache line on the hot path. Observers poll this snapshot
/// (which is exactly what OpenTelemetry observable counters and gauges do) instead of receiving a callback per
/// event. Each stripe is read under its lock, so within a stripe <see cref="Count"/> and <see cref="Bytes"/>
/// agree; across stripes the snapshot is not atomic.
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

    /// <summary>Entries held right now, including remembered absences and expired entries not yet reclaimed.</summary>
    public int Count { get; init; }

    /// <summary>The most entries the cache will hold.</summary>
    public int Capacity { get; init; }

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
