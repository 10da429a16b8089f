namespace LruAspire.Traces;

/// <summary>
/// The two operations a trace replay needs from a cache of <see cref="long"/> keys. Implementations adapt a real
/// cache; the replay, not the adapter, applies the counting rules (<see cref="TraceReplay"/>).
/// </summary>
public interface ITraceCache
{
    /// <summary>Looks <paramref name="key"/> up as a read would, so a hit refreshes it under the cache's policy.</summary>
    /// <returns><see langword="true"/> when the key was cached (a hit).</returns>
    bool TryGet(long key);

    /// <summary>Inserts <paramref name="key"/> after a miss; the cache may evict, or decline to admit it.</summary>
    void Add(long key);
}
