namespace LruAspire.Caching;

/// <summary>
/// Where a reader that finds its read-buffer stripe full sends the buffered hits
/// (<see cref="LruCacheOptions.ReadMaintenance"/>). Applies to <see cref="CachePolicy.TinyLfu"/> only:
/// <see cref="CachePolicy.Lru"/> always drains on the caller, which is what keeps it exact with one thread.
/// </summary>
public enum ReadMaintenance
{
    /// <summary>
    /// The reader schedules one drain on the thread pool (at most one is pending) and drops its own read from the
    /// policy (it is still counted as a hit). The hit never pays for the policy update — the sketch increment, the
    /// relink, the window simulations — and the drain runs on another core. The order the policy sees depends on
    /// when the pool runs the drain, so replays are not repeatable. The design of Caffeine's maintenance on its
    /// executor and BitFaster's <c>ConcurrentLfu</c> with its <c>ThreadPoolScheduler</c>.
    /// </summary>
    ThreadPool,

    /// <summary>
    /// The reader drains the buffer itself if the policy lock is free, so with one thread no read is dropped and
    /// every run replays alike: for trace replays and tests that need the same numbers run to run.
    /// </summary>
    Caller,
}
