namespace LruAspire.Caching.Policies;

// Counting accesses and moving the boundary between the window and the main space.
internal sealed partial class TinyLfuPolicy<TKey, TValue>
{
    /// <summary>The window's share of the capacity before the simulations have chosen one (Caffeine's 1 %).</summary>
    private const double InitialWindowShare = 0.01;

    /// <summary>
    /// Counts an access in the sketch (first, so the duels that follow see it), feeds the
    /// simulations, and resizes the window when they pick another share.
    /// </summary>
    private void Observe(int hash)
    {
        _sketch.Increment(hash);
        var share = _deferredSimulations is null ? _simulations.Record(hash) : _deferredSimulations.Record(hash);
        if (share is { } chosen)
        {
            ResizeWindow(chosen);
        }
    }

    /// <summary>Sizes the segments for a window of <paramref name="share"/> of the capacity.</summary>
    private void SetWindowMaximum(double share) => (_windowMaximum, _protectedMaximum) = SegmentBounds.For(_capacity, share);

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
