using LruAspire.Caching.Entries;

namespace LruAspire.Caching.Policies;

// The window's overflow waiting at the window's tail for its duel (see Add's remarks).
internal sealed partial class TinyLfuPolicy<TKey, TValue>
{
    /// <summary>Whether the window holds one entry over its bound, its least recently used, not yet moved to probation (see <see cref="Add"/>).</summary>
    private bool _overflowPending;

    /// <summary>
    /// <see cref="SelectVictim"/> with the overflow still at the window's tail: the duel it would fight as the candidate
    /// at probation's head, against probation's least recently used entry (itself, were probation otherwise empty).
    /// </summary>
    private CacheNode<TKey, TValue> DuelPendingOverflow()
    {
        var overflow = _window.Tail!;
        if (_probation.Tail is not { } victim || !Admit(overflow, victim))
        {
            return overflow; // Remove takes it from the window
        }
        // Admitted: it enters probation as an ordinary entry, at its head, so no candidate follows it.
        SettleOverflow();
        _candidate = null;
        return victim;
    }

    /// <summary>Moves a waiting overflow to probation's head, as the candidate unless an older one is pending.</summary>
    private void SettleOverflow()
    {
        if (!_overflowPending)
        {
            return;
        }
        _overflowPending = false;
        var overflow = _window.Tail!;
        _window.Remove(overflow);
        _probation.AddFirst(overflow);
        _candidate ??= overflow;
    }
}
