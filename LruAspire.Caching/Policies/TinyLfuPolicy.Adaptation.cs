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

    private void SetWindowMaximum(double share)
    {
        _windowMaximum = Math.Clamp((int)(share * _capacity), 1, _capacity);
        _protectedMaximum = (int)(ProtectedShare * (_capacity - _windowMaximum));
    }

    /// <summary>
    /// Moves entries across the boundary at once, so the live cache takes the chosen shape now. A growing window
    /// takes probation's least recently used entries at its cold end, but never protected ones: those earned their
    /// place by frequency, and handing them to the window too (as Caffeine does) scored lower over the trace set;
    /// protected shrinks by demotion instead. A shrinking window hands its least recently used entries to
    /// probation without a duel (as Caffeine does).
    /// </summary>
    private void ResizeWindow(double share)
    {
        SetWindowMaximum(share);
        _candidate = null;
        while (_window.Count < _windowMaximum && _probation.Tail is { } moved)
        {
            _probation.Remove(moved);
            _window.AddLast(moved);
        }
        while (_window.Count > _windowMaximum)
        {
            var moved = _window.Tail!;
            _window.Remove(moved);
            _probation.AddFirst(moved);
        }
        DemoteProtectedOverflow();
    }
}
