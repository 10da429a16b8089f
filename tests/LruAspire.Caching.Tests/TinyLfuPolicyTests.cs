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

    [Theory]
    [InlineData(false)] // a hit
    [InlineData(true)] // an update
    public void A_used_overflow_waiting_at_the_windows_tail_is_promoted_as_the_candidate_in_probation_would_be(bool update)
    {
        // The window's overflow waits at its tail until an eviction duels it; any other use first moves it to
        // probation, as the candidate it is, so a use promotes it to protected rather than to the window's front.
        var policy = new TinyLfuPolicy<int, int>(capacity: 100); // window of 1 entry
        var first = Node(1);
        policy.Add(first);
        policy.Add(Node(2)); // `first` is now the window's overflow

        var used = first;
        if (update)
        {
            used = Node(1);
            policy.Replace(first, used);
        }
        else
        {
            policy.RecordAccess(first);
        }

        Assert.Equal(NodeQueue.Protected, used.Queue);
        Assert.Equal(2, policy.Count);
        policy.AssertIntegrity();
    }

    [Fact]
    public void An_overflow_that_loses_its_duel_leaves_without_entering_probation()
    {
        var policy = new TinyLfuPolicy<int, int>(capacity: 100); // window of 1 entry
        var nodes = Enumerable.Range(1, 101).Select(Node).ToArray();
        foreach (var node in nodes)
        {
            policy.Add(node);
        }
        var overflow = nodes[^2];

        var victim = policy.SelectVictim(); // seen once, like probation's oldest entry: the newcomer loses
        policy.Remove(victim);

        Assert.Same(overflow, victim);
        Assert.Equal(100, policy.Count);
        Assert.Equal([nodes[^1], .. nodes[..^2].Reverse()], policy.Nodes());
        policy.AssertIntegrity();
    }

    private static CacheNode<int, int> Node(int key) =>
        new(key, key, key, isAbsent: false, size: 0, EntryExpiration.None, EntryExpiration.Never);
}
