namespace LruAspire.Caching.Statistics;

/// <summary>
/// The counters that change only with a write: evictions by reason and loads. Plain fields of a mutable struct
/// embedded in the cache and written under the policy lock the write already holds, so counting them costs an
/// ordinary add. (Hits and misses are counted without the lock: <see cref="Concurrency.ReadCounters"/>.)
/// </summary>
internal struct WriteCounters
{
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
        Evictions = CapacityEvictions,
        Expirations = Expirations,
        Removals = Removals,
        Loads = Loads,
        CoalescedLoads = CoalescedLoads,
    };
}
