namespace LruAspire.Caching;

/// <summary>
/// Where <see cref="CachePolicy.TinyLfu"/>'s deferred work runs (<see cref="LruCacheOptions.PolicyMaintenance"/>): the
/// buffered hits a reader finds its read-buffer stripe full of, and the window simulations' replay of sampled
/// accesses. <see cref="CachePolicy.Lru"/> has no simulations and always drains on the caller, which is what keeps it
/// exact with one thread.
/// </summary>
public enum PolicyMaintenance
{
    /// <summary>
    /// The reader schedules one drain on the thread pool (at most one is pending) and drops its own read from the
    /// policy (it is still counted as a hit). The hit never pays for the policy update — the sketch increment, the
    /// relink — and the drain runs on another core. Writers hand the simulations' sampled accesses to the pool in
    /// batches too (<c>DeferredSimulations</c>), so a miss and insert does not pay for five miniature caches either.
    /// The order the policy sees depends on when the pool runs the drain, and a window share chosen by the
    /// simulations reaches the policy a batch or two later, so replays are not repeatable. The design of Caffeine's
    /// maintenance on its executor and BitFaster's <c>ConcurrentLfu</c> with its <c>ThreadPoolScheduler</c>.
    /// </summary>
    ThreadPool,

    /// <summary>
    /// The reader drains the buffer itself if the policy lock is free, and the writer replays the simulations, so with
    /// one thread no read is dropped and every run replays alike: for trace replays and tests that need the same
    /// numbers run to run.
    /// </summary>
    Caller,
}
