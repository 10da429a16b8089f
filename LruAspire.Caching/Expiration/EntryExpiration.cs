using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Caching.Expiration;

/// <summary>
/// An entry's expiration policy in UTC ticks: an absolute deadline (<see cref="long.MaxValue"/> for none) and a
/// sliding window (0 for none). The effective deadline is the earlier of the absolute deadline and the last
/// access plus the window.
/// </summary>
/// <remarks>
/// Deadlines are checked when an entry is touched; expired entries are reclaimed in deadline order by
/// <see cref="ExpirationQueue{TKey, TValue}"/> before any live entry is evicted, and by an optional periodic
/// sweep: there is no timer per entry. Entries without any expiration never read the clock.
/// </remarks>
internal readonly record struct EntryExpiration(long AbsoluteTicks, long SlidingTicks)
{
    public const long Never = long.MaxValue;

    public static EntryExpiration None => new(Never, 0);

    public bool CanExpire => AbsoluteTicks != Never || SlidingTicks != 0;

    public static EntryExpiration In(TimeSpan timeToLive, long nowTicks) => new(SaturatingAdd(nowTicks, timeToLive.Ticks), 0);

    /// <summary>
    /// Resolves <paramref name="options"/> against the current time; an entry with neither an absolute nor a
    /// sliding expiration gets <paramref name="defaultTimeToLive"/>, if there is one.
    /// </summary>
    public static EntryExpiration From(DistributedCacheEntryOptions? options, long nowTicks, TimeSpan? defaultTimeToLive)
    {
        var absolute = options?.AbsoluteExpirationRelativeToNow is { } relative
            ? SaturatingAdd(nowTicks, relative.Ticks)
            : options?.AbsoluteExpiration?.UtcTicks ?? Never;
        var sliding = options?.SlidingExpiration?.Ticks ?? 0;

        if (absolute == Never && sliding == 0 && defaultTimeToLive is { } ttl)
        {
            absolute = SaturatingAdd(nowTicks, ttl.Ticks);
        }
        return new EntryExpiration(absolute, sliding);
    }

    /// <summary>The deadline if the entry is (re)touched at <paramref name="nowTicks"/>.</summary>
    public long DeadlineAfterAccess(long nowTicks) =>
        SlidingTicks == 0 ? AbsoluteTicks : Math.Min(AbsoluteTicks, SaturatingAdd(nowTicks, SlidingTicks));

    private static long SaturatingAdd(long ticks, long delta) => ticks > long.MaxValue - delta ? long.MaxValue : ticks + delta;
}
