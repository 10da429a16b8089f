namespace LruAspire.Caching.Policies;

// Counting accesses and moving the boundary between the window and the main space.
internal sealed partial class TinyLfuPolicy<TKey, TValue>
{
    /// <summary>The window's share of the capacity before the simulations have chosen one (Caffeine's 1 %).</summary>
    private const double InitialWindowShare = 0.01;

    /// <summary>
    /// Counts an access in the sketch (first, so the simulations' duels see it as the live cache's do), feeds the
    /// simulations, and resizes the window when they pick another share. A simulation (no simulations of its own)
    /// only reads the sketch the live policy counts in.
    /// </summary>
    private void Observe(int hash)
    {
        if (_simulations is null)
        {
            return;
        }
        _sketch.Increment(hash);
        if (_simulations.Record(hash) is { } share)
        {
            ResizeWindow(share);
        }
    }

    /// <summary>
    /// Sizes the segments for a window of <paramref name="share"/> of the capacity. The main space is rounded down
    /// and the window gets the rest (Caffeine's and BitFaster's rounding), so a small cache's window is not cut to
    /// nothing: at 256 entries 1 % is 3 entries, not 2 (multi1 at 256 entries: 47.4 % with 2, 48.6 % with 3).
    /// </summary>
    private void SetWindowMaximum(double share)
    {
        _windowMaximum = Math.Clamp(_capacity - (int)((1 - share) * _capacity), 1, _capacity);
        _protectedMaximum = (int)(ProtectedShare * (_capacity - _windowMaximum));
    }

    /// <summary>
    /// Moves the boundary. A growing window takes no entry from main: it fills with the next new entries while the
    /// main space, over its share, gives up its own victims (probation's least recently used first). A switch the
    /// simulations soon take back has then moved only as many entries as there were misses in between, where
    /// moving probation into the window at once and back again cost up to 0.6 points on w106 at 100,000 entries
    /// (the simulations briefly favour a large window at its working-set changes). A shrinking window hands its
    /// least recently used entries to probation at once, without a duel (as Caffeine does), and protected shrinks by
    /// demotion: neither evicts anything.
    /// </summary>
    private void ResizeWindow(double share)
    {
        SetWindowMaximum(share);
        _candidate = null;
        while (_window.Count > _windowMaximum)
        {
            var moved = _window.Tail!;
            _window.Remove(moved);
            _probation.AddFirst(moved);
        }
        DemoteProtectedOverflow();
    }
}
