using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using LruAspire.Caching.Concurrency;
using LruAspire.Caching.Entries;
using LruAspire.Caching.Expiration;
using LruAspire.Caching.Loading;
using LruAspire.Caching.Policies;
using LruAspire.Caching.Statistics;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Caching;

/// <summary>
/// A thread-safe, bounded in-process cache with a choice of eviction policy (strict LRU or adaptive W-TinyLFU),
/// expiration, negative caching and single-flight loading.
/// </summary>
/// <remarks>
/// <para>
/// <b>Concurrency.</b> One global hash table (<see cref="NodeMap{TKey, TValue}"/>, chained through the entries
/// themselves) maps keys to entries; it is read without a lock and written only under the policy lock. The eviction policy (its lists and frequency sketch), the byte total, the expiration
/// order, the remembered absences and the loads in flight are guarded by one <em>policy lock</em>, taken by
/// writes. A hit does not take it: it records the entry in a striped, lossy read buffer (and is counted when that
/// buffer drains, or in striped counters if its read is dropped); the buffer is replayed into the policy in order by the next write, or when a stripe fills:
/// under <see cref="CachePolicy.Lru"/> by the reader that finds it full, under <see cref="CachePolicy.TinyLfu"/> by
/// one drain scheduled on the thread pool (<see cref="LruCacheOptions.PolicyMaintenance"/>; the design of Caffeine and
/// BitFaster.Caching). With one thread <see cref="CachePolicy.Lru"/> never drops a read and is exact; with
/// several, the policy sees the batches' order, and a read may be dropped while a stripe is full or, when more
/// threads than stripes read at once, lost or repeated by two that share a stripe.
/// </para>
/// <para>
/// <b>Bounds.</b> <see cref="Capacity"/> and <see cref="MaxBytes"/> hold for the whole cache, at every moment a
/// write releases the lock: a working set no larger than the capacity never misses after its first load.
/// Remembered absences have their own bound (<see cref="LruCacheOptions.MaxAbsences"/>) and LRU list, so they
/// never evict a value. Before evicting a live entry to make room, every expired entry is reclaimed, earliest
/// deadline first.
/// </para>
/// <para>
/// <b>Hot path.</b> A hit is a hash-table lookup, a clock read only when the entry can expire, and one slot in
/// the reader's own buffer stripe: two plain stores and no atomic instruction (the hit is counted when the buffer
/// drains); it allocates nothing.
/// </para>
/// <para>The design, its sources and what is exact or approximate: docs/cache-engine.md.</para>
/// </remarks>
public sealed partial class LruCache<TKey, TValue> : ILruCache<TKey, TValue>, IDisposable where TKey : notnull
{
    private readonly NodeMap<TKey, TValue> _map;
    private readonly StripedReadBuffer<CacheNode<TKey, TValue>> _readBuffer;
    private readonly MissCounters _misses = new();
    private readonly Lock _policyLock = new();
    private readonly TimeProvider _time;
    private readonly Func<TValue, long>? _sizeOf;
    private readonly TimeSpan? _defaultTimeToLive;
    private readonly TimeSpan _negativeTimeToLive;
    private readonly ITimer? _sweepTimer;

    // Guarded by _policyLock.
    private readonly EvictionPolicy<TKey, TValue> _policy;
    private readonly AccessOrderList<TKey, TValue> _absences = new(NodeQueue.Absence);
    private readonly ExpirationQueue<TKey, TValue> _expirations = new();
    private readonly Dictionary<TKey, InFlightLoad<TValue>> _loads;
    private readonly CacheNode<TKey, TValue>[] _drainScratch;
    private WriteCounters _writes;
    private long _bytes;
    private int _count;

    /// <summary>A cache holding at most <paramref name="capacity"/> values, with default options otherwise.</summary>
    public LruCache(int capacity)
        : this(new LruCacheOptions { Capacity = capacity, ExpirationScanInterval = null })
    {
    }

    /// <param name="options">Bounds, policy and expiration defaults; validated here, so bad values throw.</param>
    /// <param name="time">The clock for expiration; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <param name="sizeOf">The size of a value for the byte bound; required when <see cref="LruCacheOptions.MaxBytes"/> is set.</param>
    /// <param name="comparer">Key equality; the default comparer when omitted.</param>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    /// <exception cref="ArgumentNullException">A byte bound is set without <paramref name="sizeOf"/>.</exception>
    public LruCache(LruCacheOptions options, TimeProvider? time = null, Func<TValue, long>? sizeOf = null, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        if (options.MaxBytes is not null && sizeOf is null)
        {
            throw new ArgumentNullException(nameof(sizeOf), "A byte bound needs a way to size values.");
        }

        _time = time ?? TimeProvider.System;
        _sizeOf = sizeOf;
        _defaultTimeToLive = options.DefaultTimeToLive;
        _negativeTimeToLive = options.NegativeTimeToLive;
        Capacity = options.Capacity;
        MaxBytes = options.MaxBytes;
        MaxAbsences = options.MaxAbsences ?? Math.Max(1, options.Capacity / 10);
        Policy = options.Policy;
        _drainOnCaller = options.Policy == CachePolicy.Lru || options.PolicyMaintenance == PolicyMaintenance.Caller;
        _scheduledDrain = new ScheduledDrain(this);
        _readBuffer = new(ThreadStripe.Count, _drainOnCaller
            ? StripedReadBuffer<CacheNode<TKey, TValue>>.CallerStripeCapacity
            : StripedReadBuffer<CacheNode<TKey, TValue>>.PoolStripeCapacity);
        _drainScratch = new CacheNode<TKey, TValue>[_readBuffer.StripeCapacity];

        _map = new NodeMap<TKey, TValue>(Capacity + MaxAbsences, comparer);
        _loads = new Dictionary<TKey, InFlightLoad<TValue>>(comparer);
        _policy = EvictionPolicy<TKey, TValue>.Create(options.Policy, options.Capacity, onThreadPool: !_drainOnCaller);

        if (options.ExpirationScanInterval is { } interval)
        {
            _sweepTimer = _time.CreateTimer(static state => ((LruCache<TKey, TValue>)state!).RemoveExpired(), this, interval, interval);
        }
    }

    /// <inheritdoc />
    public int Capacity { get; }

    /// <summary>The byte bound for the whole cache, or <see langword="null"/>.</summary>
    public long? MaxBytes { get; }

    /// <summary>The most remembered absences held, outside <see cref="Capacity"/>.</summary>
    public int MaxAbsences { get; }

    /// <inheritdoc />
    public CachePolicy Policy { get; }

    /// <inheritdoc />
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        var probe = ThreadStripe.Probe();
        if (_map.TryGetValue(key, out var node))
        {
            // The common case, an entry without expiration, never reads the clock.
            if (!node.CanExpire || Renew(node))
            {
                RecordRead(node, probe);
                value = node.Value;
                return !node.IsAbsent;
            }
            ReclaimFound(node);
        }
        _misses.Miss(probe);
        value = default;
        return false;
    }

    /// <inheritdoc />
    public void Set(TKey key, TValue value, DistributedCacheEntryOptions? options = null)
    {
        // An entry without expiration (the common case) needs no clock: its deadline is Never whatever the time.
        var expires = options is not null || _defaultTimeToLive is not null;
        var now = expires ? Now() : 0;
        var expiration = expires ? EntryExpiration.From(options, now, _defaultTimeToLive) : EntryExpiration.None;
        var size = SizeOf(value);
        lock (_policyLock)
        {
            DrainReadBufferLocked();

            // A write is newer than whatever a load in flight read, so the load must not overwrite it.
            ForgetLoadLocked(key);
            StoreLocked(key, value, absent: false, expiration, size, now);
        }
    }

    /// <inheritdoc />
    public bool Remove(TKey key)
    {
        lock (_policyLock)
        {
            DrainReadBufferLocked();
            ForgetLoadLocked(key);
            if (_map.Find(key) is not { } node)
            {
                return false;
            }

            var expired = node.CanExpire && !node.IsLiveAt(Now());
            RemoveLocked(node, expired ? EvictionReason.Expired : EvictionReason.Removed);
            return !expired;
        }
    }

    /// <inheritdoc />
    public void Clear()
    {
        lock (_policyLock)
        {
            DrainReadBufferLocked();
            foreach (var node in _map.Nodes())
            {
                node.Queue = NodeQueue.Removed; // readers still holding one must not resurrect it in the policy
            }
            _writes.Removals += _count;
            _map.Clear();
            _policy.Clear();
            _absences.Clear();
            _expirations.Clear();
            _loads.Clear();
            _bytes = 0;
            Volatile.Write(ref _count, 0);
        }
    }

    /// <summary>Reclaims every expired entry, earliest deadline first; returns how many.</summary>
    public int RemoveExpired()
    {
        lock (_policyLock)
        {
            DrainReadBufferLocked();
            return ReclaimExpiredLocked();
        }
    }

    /// <summary>Stops the expiration sweep timer.</summary>
    public void Dispose() => _sweepTimer?.Dispose();

    /// <summary>Whether the entry is still live; if so a sliding window restarts now.</summary>
    private bool Renew(CacheNode<TKey, TValue> node)
    {
        var now = Now();
        if (!node.IsLiveAt(now))
        {
            return false;
        }
        node.Slide(now);
        return true;
    }

    private long SizeOf(TValue value) => _sizeOf?.Invoke(value) ?? 0;

    private long Now() => _time.GetUtcNow().UtcTicks;
}
