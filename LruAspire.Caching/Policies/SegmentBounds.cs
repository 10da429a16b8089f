namespace LruAspire.Caching.Policies;

/// <summary>The most entries W-TinyLFU's window and protected segments may hold; probation holds the rest of the capacity.</summary>
/// <param name="Window">The admission window's bound, 1 to the capacity.</param>
/// <param name="Protected">Protected's bound: 80 % of the main space (Caffeine's share), possibly 0.</param>
internal readonly record struct SegmentBounds(int Window, int Protected)
{
    /// <summary>Protected's share of the main space (Caffeine's 80 %).</summary>
    private const double ProtectedShare = 0.8;

    /// <summary>
    /// The bounds for a window of <paramref name="windowShare"/> of <paramref name="capacity"/> entries. The main space
    /// is rounded down and the window gets the rest (Caffeine's and BitFaster's rounding), so a small cache's window is
    /// not cut to nothing: at 256 entries 1 % is 3 entries, not 2 (multi1 at 256 entries: 47.4 % with 2, 48.6 % with 3).
    /// </summary>
    public static SegmentBounds For(int capacity, double windowShare)
    {
        var window = Math.Clamp(capacity - (int)((1 - windowShare) * capacity), 1, capacity);
        return new(window, (int)(ProtectedShare * (capacity - window)));
    }
}
