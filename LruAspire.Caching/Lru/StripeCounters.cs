namespace LruAspire.Caching;

/// <summary>
/// The counters of one stripe. A mutable struct embedded in the stripe and only written under the stripe's
/// lock, so increments are ordinary adds; <see cref="LruCache{TKey, TValue}.Statistics"/> sums them.
/// </summary>
internal struct StripeCounters
{
    public long Hits;
    public long Misses;
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

    public readonly LruCacheStatistics AddTo(LruCacheStatistics total) => total with
    {
        Hits = total.Hits + Hits,
        Misses = total.Misses + Misses,
        NegativeHits = total.NegativeHits + NegativeHits,
        Evictions = total.Evictions + CapacityEvictions,
        Expirations = total.Expirations + Expirations,
        Removals = total.Removals + Removals,
        Loads = total.Loads + Loads,
        CoalescedLoads = total.CoalescedLoads + CoalescedLoads,
    };
}
