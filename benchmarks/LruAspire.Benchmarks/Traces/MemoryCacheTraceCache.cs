using LruAspire.Traces;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;

namespace LruAspire.Benchmarks.Traces;

/// <summary>
/// <see cref="MemoryCache"/> bounded like the others: <c>SizeLimit</c> = capacity and <c>Size = 1</c> per entry,
/// made deterministic.
/// </summary>
/// <remarks>
/// Shipped MemoryCache, when an insert would pass the size limit, <em>rejects</em> that entry and queues an
/// over-capacity compaction (remove the least recently accessed 5 %) on the thread pool; inserts keep being rejected
/// until it has run, so its hit ratio depends on thread-pool timing. This adapter does the same two things in the
/// foreground: at the limit it rejects the entry and runs <see cref="MemoryCache.Compact"/> with the same percentage
/// before the next request, which is what BitFaster's HitRateAnalysis gets by waiting for an empty thread pool after
/// every request. A shipped MemoryCache under load rejects more (its compaction lags), which can raise its ratio on
/// scans and loops. The clock advances one tick per read, so the compaction's least-recently-accessed order is strict
/// (the system clock would tie accesses closer together than its resolution).
/// </remarks>
public sealed class MemoryCacheTraceCache : ITraceCache, IDisposable
{
    private static readonly MemoryCacheEntryOptions SizeOne = new() { Size = 1 };

    private readonly MemoryCache _cache;
    private readonly int _capacity;
    private readonly double _compactionPercentage;

    public MemoryCacheTraceCache(int capacity)
    {
        var options = new MemoryCacheOptions { SizeLimit = capacity, Clock = new TickingClock() };
        _capacity = capacity;
        _compactionPercentage = options.CompactionPercentage;
        _cache = new MemoryCache(options);
    }

    public bool TryGet(long key) => _cache.TryGetValue(key, out _);

    public void Add(long key)
    {
        // Checked here rather than left to Set, whose rejection would queue the compaction on the thread pool.
        if (_cache.Count >= _capacity)
        {
            _cache.Compact(_compactionPercentage);
            return;
        }
        _cache.Set(key, key, SizeOne);
    }

    public void Dispose() => _cache.Dispose();

    // Read only by the replaying thread: the expiration scan it could start is a minute of ticks away.
    private sealed class TickingClock : ISystemClock
    {
        private long _ticks = DateTimeOffset.UnixEpoch.Ticks;

        public DateTimeOffset UtcNow => new(++_ticks, TimeSpan.Zero);
    }
}
