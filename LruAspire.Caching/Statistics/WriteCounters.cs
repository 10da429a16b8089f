namespace LruAspire.Caching.Statistics;

/// <summary>
/// The counters kept under the policy lock: evictions by reason, loads, and the hits replayed from the read
/// buffer. Plain fields of a mutable struct embedded in the cache and written under the lock the operation
/// already holds, so counting them costs an ordinary add. (Misses and dropped hits are counted without the lock:
/// <see cref="Concurrency.MissCounters"/>, <see cref="Concurrency.ReadBufferStripe{T}.CountDropped"/>.)
/// </summary>
internal struct WriteCounters
{
    public long Hits;
    public long NegativeHits;
    public long CapacityEvictions;
    public long Expirations;
    public long Removals;
    public long Loads;
    public long CoalescedLoads;

    public void Count(EvictionReason reason)
    {
        switch (reason)
        {
            case EvictionReason.Capacity: CapacityEvictions++; break;
            case EvictionReason.Expired: Expirations++; break;
            default: Removals++; break;
        }
    }

    public readonly LruCacheStatistics ToStatistics() => new()
    {
        Hits = Hits,
        NegativeHits = NegativeHits,
        Evictions = CapacityEvictions,
        Expirations = Expirations,
        Removals = Removals,
        Loads = Loads,
        CoalescedLoads = CoalescedLoads,
    };
}
