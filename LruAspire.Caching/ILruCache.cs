using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Caching;

/// <summary>
/// A bounded, thread-safe, in-process cache of <typeparamref name="TValue"/> by <typeparamref name="TKey"/>, with
/// expiration, negative caching (remembered absences) and single-flight loading. The typed contract of the engine;
/// <see cref="Distributed.LruDistributedCache"/> is its string-and-bytes <see cref="IDistributedCache"/> face.
/// </summary>
/// <typeparam name="TKey">The key; compared with the comparer the cache was built with.</typeparam>
/// <typeparam name="TValue">The value, stored by reference: callers must not mutate a value after storing it.</typeparam>
public interface ILruCache<TKey, TValue> where TKey : notnull
{
    /// <summary>The most values the cache holds (remembered absences have a bound of their own).</summary>
    int Capacity { get; }

    /// <summary>The eviction policy in use: <see cref="CachePolicy.Lru"/> or <see cref="CachePolicy.TinyLfu"/>.</summary>
    CachePolicy Policy { get; }

    /// <summary>Entries held right now, including remembered absences and expired entries not yet reclaimed.</summary>
    int Count { get; }

    /// <summary>A snapshot of the counters: hits, misses, evictions by reason, loads, size and bounds.</summary>
    LruCacheStatistics Statistics { get; }

    /// <summary>Looks a key up; a hit counts as a use for the eviction policy. A remembered absence is not a value.</summary>
    /// <returns><see langword="true"/> and the value when a live value is cached.</returns>
    bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value);

    /// <summary>
    /// Adds or replaces a value. A load in flight for the key will not overwrite it. Adding may evict other
    /// entries to stay within the bounds; a value larger than the byte bound is not stored (and any old value
    /// for the key is dropped).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, stored by reference.</param>
    /// <param name="options">Absolute and/or sliding expiration; the cache's default time to live when neither is set.</param>
    void Set(TKey key, TValue value, DistributedCacheEntryOptions? options = null);

    /// <summary>Removes the key (value or remembered absence); a load in flight for it completes for its waiters but is not stored.</summary>
    /// <returns>Whether a live entry was removed.</returns>
    bool Remove(TKey key);

    /// <summary>Removes every entry and detaches every load in flight.</summary>
    void Clear();

    /// <summary>
    /// Returns the cached answer for <paramref name="key"/> or loads it, calling <paramref name="factory"/> at most
    /// once for all concurrent callers of the key (single flight).
    /// </summary>
    /// <remarks>
    /// A hit completes synchronously and allocates nothing when <paramref name="factory"/> is a
    /// <see langword="static"/> lambda that takes its data from <paramref name="state"/>. A
    /// <see cref="LoadResult{TValue}.Absent"/> result is remembered for the cache's negative time to live. A factory
    /// that throws or is cancelled stores nothing. A <see cref="Remove"/>, <see cref="Set"/> or <see cref="Clear"/>
    /// while the load runs wins: its result answers its waiters but is not stored. Each caller waits with its own
    /// <paramref name="cancellationToken"/>; the factory's token is cancelled only when every waiter has given up.
    /// </remarks>
    /// <typeparam name="TState">Per-call data for the factory, so it needs no closure.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="state">Passed to <paramref name="factory"/>.</param>
    /// <param name="factory">Reads the source of truth; runs at most once per key at a time.</param>
    /// <param name="options">Expiration of a loaded value, as for <see cref="Set"/>.</param>
    /// <param name="cancellationToken">Stops this caller's wait (and the load, when it was the last waiter).</param>
    /// <returns>The value or its absence, and whether it was a hit, this call's load or a shared load.</returns>
    /// <exception cref="OperationCanceledException">This caller's token was cancelled.</exception>
    /// <exception cref="Exception">Whatever the factory threw, for every caller that waited on that load.</exception>
    ValueTask<CacheLookup<TValue>> GetOrCreateAsync<TState>(
        TKey key,
        TState state,
        Func<TKey, TState, CancellationToken, ValueTask<LoadResult<TValue>>> factory,
        DistributedCacheEntryOptions? options = null,
        CancellationToken cancellationToken = default);
}
