using BitFaster.Caching.Lfu;
using BitFaster.Caching.Lru;
using BitFaster.Caching.Scheduler;
using LruAspire.Caching;

namespace LruAspire.Benchmarks.Traces;

/// <summary>The caches the trace comparison replays every trace through, in column order.</summary>
public static class TraceContenders
{
    public const string OursLru = "ours, Lru";
    public const string OursTinyLfu = "ours, TinyLfu";
    public const string ConcurrentLru = "ConcurrentLru";
    public const string ConcurrentLfu = "ConcurrentLfu";
    public const string MemoryCache = "MemoryCache";

    /// <summary>
    /// Every contender, in column order. A policy of the engine joins as one more line here; when a contender named
    /// <see cref="OursTinyLfu"/> is present the table adds the delta columns for it. Without
    /// <paramref name="onThreadPool"/> both W-TinyLFU caches maintain their policies on the replaying thread, so every
    /// run replays alike; with it, <c>TinyLfu</c> and ConcurrentLfu keep their defaults and
    /// maintain their policies on the thread pool, racing the replay (reads made while a drain waits may be dropped, and
    /// ConcurrentLfu also applies its writes there, so it may hold more entries than its capacity until it does).
    /// </summary>
    public static IReadOnlyList<TraceContender> For(bool onThreadPool) =>
    [
        // The Lru policy is one exact, global LRU with one thread (the replay's case).
        new(OursLru, capacity => new EngineTraceCache(new LruCacheOptions { Capacity = capacity, Policy = CachePolicy.Lru, ExpirationScanInterval = null })),
        // By default the reader drains the read buffer itself (the thread pool would race the replay), so every run
        // replays alike.
        new(OursTinyLfu, capacity => new EngineTraceCache(new LruCacheOptions
        {
            Capacity = capacity,
            Policy = CachePolicy.TinyLfu,
            PolicyMaintenance = onThreadPool ? PolicyMaintenance.ThreadPool : PolicyMaintenance.Caller,
            ExpirationScanInterval = null,
        })),
        new(ConcurrentLru, capacity => new BitFasterTraceCache(new ConcurrentLru<long, long>(1, capacity, EqualityComparer<long>.Default))),
        // Reads are buffered and applied by maintenance; by default here the foreground scheduler runs it on the
        // replaying thread (BitFaster's default scheduler runs it on the thread pool, racing the replay).
        new(ConcurrentLfu, capacity => new BitFasterTraceCache(onThreadPool
            ? new ConcurrentLfu<long, long>(capacity)
            : new ConcurrentLfuBuilder<long, long>().WithCapacity(capacity).WithConcurrencyLevel(1).WithScheduler(new ForegroundScheduler()).Build())),
        new(MemoryCache, capacity => new MemoryCacheTraceCache(capacity)),
    ];
}
