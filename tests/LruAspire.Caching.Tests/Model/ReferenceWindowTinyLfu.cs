namespace LruAspire.Caching.Tests.Model;

/// <summary>
/// The obviously-correct model <see cref="Policies.MiniatureTinyLfu"/> is checked against: W-TinyLFU with a fixed
/// window, as <see cref="Policies.TinyLfuPolicy{TKey, TValue}"/> documents it, in three plain linked lists of keys
/// (first = most recently used), searched linearly. A new key enters the window; the window's overflow moves to
/// probation, the first one becoming the candidate; when the cache is over capacity the candidate duels probation's
/// last key and the one <paramref name="frequency"/> rates lower (the candidate on a tie) is evicted. A hit moves a
/// key to its list's front, or from probation to protected, whose overflow goes back to probation.
/// </summary>
internal sealed class ReferenceWindowTinyLfu(int capacity, int windowMaximum, int protectedMaximum, Func<int, int> frequency)
{
    private readonly LinkedList<int> _window = new();
    private readonly LinkedList<int> _probation = new();
    private readonly LinkedList<int> _protected = new();
    private LinkedListNode<int>? _candidate;

    /// <summary>Replays one access to <paramref name="key"/>; returns whether it hit.</summary>
    public bool Access(int key)
    {
        if ((_window.Find(key) ?? _probation.Find(key) ?? _protected.Find(key)) is { } found)
        {
            Promote(found);
            return true;
        }

        _window.AddFirst(key);
        _candidate = null;
        while (_window.Count > windowMaximum)
        {
            var overflow = _window.Last!;
            MoveToFront(overflow, _probation);
            _candidate ??= overflow;
        }
        if (_window.Count + _probation.Count + _protected.Count > capacity)
        {
            Evict();
        }
        return false;
    }

    private void Promote(LinkedListNode<int> node)
    {
        if (node.List == _probation && protectedMaximum > 0)
        {
            MoveToFront(node, _protected);
            while (_protected.Count > protectedMaximum)
            {
                MoveToFront(_protected.Last!, _probation);
            }
        }
        else
        {
            MoveToFront(node, node.List!);
        }
    }

    private void Evict()
    {
        var victim = _probation.Last ?? _protected.Last ?? _window.Last!;
        var evicted = victim;
        if (_candidate is not null && _candidate != victim)
        {
            if (frequency(_candidate.Value) > frequency(victim.Value))
            {
                _candidate = NextCandidate(_candidate);
            }
            else
            {
                evicted = _candidate;
            }
        }
        if (evicted == _candidate)
        {
            _candidate = NextCandidate(evicted);
        }
        evicted.List!.Remove(evicted);
    }

    /// <summary>The candidate moved from the window after <paramref name="node"/>: the key before it in probation.</summary>
    private LinkedListNode<int>? NextCandidate(LinkedListNode<int> node) => node.List == _probation ? node.Previous : null;

    private static void MoveToFront(LinkedListNode<int> node, LinkedList<int> list)
    {
        node.List!.Remove(node);
        list.AddFirst(node);
    }
}
