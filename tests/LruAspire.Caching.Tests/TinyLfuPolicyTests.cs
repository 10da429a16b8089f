using LruAspire.Caching.Entries;
using LruAspire.Caching.Expiration;
using LruAspire.Caching.Policies;

namespace LruAspire.Caching.Tests;

/// <summary><see cref="TinyLfuPolicy{TKey, TValue}"/> itself, where a case is easier to set up than through the cache.</summary>
public class TinyLfuPolicyTests
{
    [Fact]
    public void A_pending_candidate_that_is_used_stops_being_a_candidate()
    {
        // An eviction with no add just before it meets the candidate the last add left pending. If that entry was used
        // since, it is in protected: the duel must not evict it from there.
        var policy = new TinyLfuPolicy<int, int>(capacity: 100); // window of 1 entry
        var cold = Node(1);
        var used = Node(2);
        policy.Add(cold);
        for (var i = 0; i < 5; i++)
        {
            policy.RecordAccess(cold); // hotter than the candidate, so the candidate would lose the duel
        }
        policy.Add(used);
        policy.Add(Node(3)); // pushes `used` out of the window: the pending candidate
        policy.RecordAccess(used); // probation -> protected

        var victim = policy.SelectVictim();

        Assert.Equal(NodeQueue.Protected, used.Queue);
        Assert.Same(cold, victim); // probation's least recently used, as when no candidate is pending
    }

    private static CacheNode<int, int> Node(int key) =>
        new(key, key, key, isAbsent: false, size: 0, EntryExpiration.None, EntryExpiration.Never);
}
