namespace LruAspire.Caching.Distributed;

/// <summary>A value held by <see cref="LruDistributedCache"/> together with its expiration policy.</summary>
internal sealed class CachedBytes(byte[] value, DateTimeOffset? absoluteExpiration, TimeSpan? slidingExpiration, DateTimeOffset now)
{
    public byte[] Value { get; } = value;
    public DateTimeOffset? AbsoluteExpiration { get; } = absoluteExpiration;
    public TimeSpan? SlidingExpiration { get; } = slidingExpiration;

    // Written on every hit by whichever thread got it; a torn read is impossible for a reference-sized
    // struct field on 64-bit, and the worst case of a lost update is a sliding window that is a hit shorter.
    private long _lastAccessTicks = now.UtcTicks;

    public bool IsExpired(DateTimeOffset now)
    {
        if (AbsoluteExpiration is { } absolute && now >= absolute)
        {
            return true;
        }
        return SlidingExpiration is { } sliding
            && now.UtcTicks - Interlocked.Read(ref _lastAccessTicks) >= sliding.Ticks;
    }

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastAccessTicks, now.UtcTicks);
}
