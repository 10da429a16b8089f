using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using LruAspire.Caching.Expiration;
using LruAspire.Caching.Lru;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Caching;

/// <summary>
/// A thread-safe, bounded least-recently-used cache with expiration, negative caching and single-flight loading.
/// </summary>
/// <remarks>
/// <para>
/// <b>Algorithm.</b> Keys are spread by hash over a power-of-two number of <em>stripes</em>. Each stripe is an
/// exact LRU: a hash map from key to node plus a doubly linked recency list (most recently used at the head),
/// guarded by its own lock. A hit moves its node to the head; an insert adds at the head and, when the stripe is
/// full (by entry count or bytes), evicts from the tail. Every operation is O(1) (amortized, when an insert also
/// reclaims expired entries at the tail).
/// </para>
/// <para>
/// <b>What "LRU" means here.</b> Within a stripe the eviction order is exactly the order in which operations
/// took the stripe's lock. Across stripes it is approximate: a full stripe evicts its own least recently used
/// entry even if another stripe holds an older one. With one stripe (<see cref="LruCacheOptions.StripeCount"/>
/// = 1) the whole cache is one exact LRU. The automatic stripe count keeps at least
/// <see cref="MinEntriesPerStripe"/> entries per stripe, where the per-stripe loss in hit ratio measured on a
/// Zipf workload is a fraction of a percentage point (docs/cache-engine.md).
/// </para>
/// <para>
/// <b>Why striping.</b> Strict LRU writes the list on every hit, so readers cannot be lock-free without giving
/// up strict order (the buffered reordering of Caffeine and BitFaster trades exactness for throughput). One
/// lock is exact but makes every hit on every core contend for one cache line. Striping keeps each stripe exact
/// and lets hits on different keys proceed in parallel; the single-stripe case skips hashing for the stripe.
/// </para>
/// <para>
/// <b>Bounds.</b> The entry count and the optional byte bound are split across the stripes, so the totals can
/// never exceed the configured bounds. Each stripe's byte total changes only under its lock, in the same
/// critical section that adds or removes the entry, so it cannot drift.
/// </para>
/// <para>
/// <b>Expiration.</b> Absolute and sliding expiration are deadlines in UTC ticks from the injected
/// <see cref="TimeProvider"/>. An expired entry is never returned; it is reclaimed when a lookup finds it, when it
/// reaches the tail during an insert, or by one optional periodic sweep (<see cref="RemoveExpired"/>). There is
/// no timer per entry.
/// </para>
/// <para>
/// <b>Hot path.</b> A hit takes one uncontended lock, one dictionary lookup, and relinks two nodes; it
/// allocates nothing and reads the clock only if the entry can expire. Counters are plain fields under the lock.
/// </para>
/// </remarks>
public sealed partial class LruCache<TKey, TValue> : ILruCache<TKey, TValue>, IDisposable where TKey : notnull
{
    /// <summary>The fewest entries per stripe that the automatic stripe count allows.</summary>
    public const int MinEntriesPerStripe = 128;

    private readonly LruStripe<TKey, TValue>[] _stripes;
    private readonly IEqualityComparer<TKey>? _comparer;
    private readonly TimeProvider _time;
    private readonly Func<TValue, long>? _sizeOf;
    private readonly TimeSpan? _defaultTimeToLive;
    private readonly TimeSpan _negativeTimeToLive;
    private readonly int _stripeShift;
    private readonly ITimer? _sweepTimer;

    /// <summary>A cache holding at most <paramref name="capacity"/> entries, with default options otherwise.</summary>
    public LruCache(int capacity)
        : this(new LruCacheOptions { Capacity = capacity, ExpirationScanInterval = null })
    {
    }

    /// <param name="options">Bounds and expiration defaults; validated here, so bad values throw.</param>
    /// <param name="time">The clock for expiration; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <param name="sizeOf">The size of a value for the byte bound; required when <see cref="LruCacheOptions.MaxBytes"/> is set.</param>
    /// <param name="comparer">Key equality; the default comparer when omitted.</param>
    public LruCache(LruCacheOptions options, TimeProvider? time = null, Func<TValue, long>? sizeOf = null, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        if (options.MaxBytes is not null && sizeOf is null)
        {
            throw new ArgumentNullException(nameof(sizeOf), "A byte bound needs a way to size values.");
        }

        _time = time ?? TimeProvider.System;
        _comparer = comparer;
        _sizeOf = sizeOf;
        _defaultTimeToLive = options.DefaultTimeToLive;
        _negativeTimeToLive = options.NegativeTimeToLive;
        Capacity = options.Capacity;
        MaxBytes = options.MaxBytes;

        var stripeCount = options.StripeCount > 0 ? options.StripeCount : AutomaticStripeCount(options.Capacity);
        _stripeShift = 32 - int.Log2(stripeCount);
        _stripes = new LruStripe<TKey, TValue>[stripeCount];
        for (var i = 0; i < stripeCount; i++)
        {
            _stripes[i] = new LruStripe<TKey, TValue>(
                Share(options.Capacity, stripeCount, i),
                options.MaxBytes is { } maxBytes ? Share(maxBytes, stripeCount, i) : long.MaxValue,
                _time,
                comparer);
        }

        if (options.ExpirationScanInterval is { } interval)
        {
            _sweepTimer = _time.CreateTimer(static state => ((LruCache<TKey, TValue>)state!).RemoveExpired(), this, interval, interval);
        }
    }

    /// <inheritdoc />
    public int Capacity { get; }

    /// <summary>The byte bound, or <see langword="null"/>.</summary>
    public long? MaxBytes { get; }

    /// <inheritdoc />
    public int Count => _stripes.Sum(stripe => stripe.Count);

    /// <summary>The number of independently locked stripes.</summary>
    public int StripeCount => _stripes.Length;

    /// <inheritdoc />
    public LruCacheStatistics Statistics
    {
        get
        {
            var total = new LruCacheStatistics { Capacity = Capacity, MaxBytes = MaxBytes };
            foreach (var stripe in _stripes)
            {
                total = stripe.AddTo(total);
            }
            return total;
        }
    }

    /// <inheritdoc />
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value) =>
        StripeOf(key).TryGet(key, out value) == LookupOutcome.Hit;

    /// <inheritdoc />
    public void Set(TKey key, TValue value, DistributedCacheEntryOptions? options = null)
    {
        var now = _time.GetUtcNow().UtcTicks;
        StripeOf(key).Set(key, value, absent: false, EntryExpiration.From(options, now, _defaultTimeToLive), SizeOf(value), now);
    }

    /// <inheritdoc />
    public bool Remove(TKey key) => StripeOf(key).Remove(key);

    /// <inheritdoc />
    public void Clear()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Clear();
        }
    }

    /// <summary>Reclaims every expired entry, one stripe at a time; returns how many.</summary>
    public int RemoveExpired()
    {
        var removed = 0;
        foreach (var stripe in _stripes)
        {
            removed += stripe.RemoveExpired();
        }
        return removed;
    }

    /// <summary>Stops the expiration sweep timer.</summary>
    public void Dispose() => _sweepTimer?.Dispose();

    internal int StripeIndexOf(TKey key)
    {
        if (_stripes.Length == 1)
        {
            return 0;
        }
        var hash = _comparer?.GetHashCode(key) ?? key.GetHashCode();

        // Fibonacci hashing: the multiply mixes all bits into the top ones, so keys whose hashes differ only in
        // high bits (sequential integers, say) still spread over the stripes.
        return (int)(((uint)hash * 0x9E3779B9u) >> _stripeShift);
    }

    internal int StripeCapacity(int stripe) => _stripes[stripe].Capacity;

    internal long StripeMaxBytes(int stripe) => _stripes[stripe].MaxBytes;

    /// <summary>One stripe's keys from most to least recently used: the order in which they would survive eviction.</summary>
    internal IReadOnlyList<TKey> KeysByRecency(int stripe = 0) => _stripes[stripe].KeysByRecency();

    /// <summary>Throws if any stripe's map, list, count and byte total disagree (or, when asked, a load is left over).</summary>
    internal void AssertIntegrity(bool expectNoLoads = true)
    {
        foreach (var stripe in _stripes)
        {
            stripe.AssertIntegrity(expectNoLoads);
        }
    }

    private LruStripe<TKey, TValue> StripeOf(TKey key) => _stripes[StripeIndexOf(key)];

    private long SizeOf(TValue value) => _sizeOf?.Invoke(value) ?? 0;

    private static int AutomaticStripeCount(int capacity)
    {
        var byCores = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount * 4);
        var byCapacity = capacity / MinEntriesPerStripe;
        var count = Math.Min(byCores, byCapacity);
        return count <= 1 ? 1 : 1 << int.Log2(count);
    }

    private static int Share(int total, int parts, int index) => total / parts + (index < total % parts ? 1 : 0);

    private static long Share(long total, int parts, int index) => total / parts + (index < total % parts ? 1 : 0);
}
