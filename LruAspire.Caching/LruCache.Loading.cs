using LruAspire.Caching.Concurrency;
using LruAspire.Caching.Entries;
using LruAspire.Caching.Expiration;
using LruAspire.Caching.Loading;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Caching;

// Single flight: one caller per key runs the factory, the others wait for its result with their own tokens. Loads
// are registered in _loads under the policy lock, so a Set, Remove or Clear unregisters a load atomically with
// changing the entry, and a load stores its result only if it is still registered.
public sealed partial class LruCache<TKey, TValue>
{
    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">
    /// The factory (or something it awaits) asked for the key it is loading, directly or through a cycle of keys:
    /// waiting would deadlock.
    /// </exception>
    public ValueTask<CacheLookup<TValue>> GetOrCreateAsync<TState>(
        TKey key,
        TState state,
        Func<TKey, TState, CancellationToken, ValueTask<LoadResult<TValue>>> factory,
        DistributedCacheEntryOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var probe = ThreadStripe.Probe();
        if (_map.TryGetValue(key, out var node) && (!node.CanExpire || Renew(node)))
        {
            RecordRead(node, probe);
            return Answered(node);
        }

        InFlightLoad<TValue> load;
        bool owner;
        lock (_policyLock)
        {
            // Look again under the lock: a load may have stored the key since the lock-free lookup.
            node = _map.Find(key);
            if (node is not null)
            {
                DrainReadBufferLocked();
                if (!node.CanExpire || Renew(node))
                {
                    ApplyReadLocked(node);
                    return Answered(node);
                }
                RemoveLocked(node, EvictionReason.Expired);
            }

            if (_loads.TryGetValue(key, out var running))
            {
                if (LoadFlow.IsRunning(running))
                {
                    throw new InvalidOperationException(
                        $"The loader for cache key '{key}' asked the cache for that same key (directly or through other keys it loads); waiting for itself would never finish.");
                }
                load = running;
                load.Waiters++;
                _writes.CoalescedLoads++;
                owner = false;
            }
            else
            {
                load = new InFlightLoad<TValue>();
                _loads.Add(key, load);
                _writes.Loads++;
                owner = true;
            }
        }
        _misses.Miss(probe);

        if (owner)
        {
            _ = RunLoadAsync(key, load, state, factory, options);
        }
        return WaitForLoadAsync(key, load, owner ? CacheOutcome.Miss : CacheOutcome.Coalesced, cancellationToken);
    }

    private static ValueTask<CacheLookup<TValue>> Answered(CacheNode<TKey, TValue> node) =>
        new(new CacheLookup<TValue>(!node.IsAbsent, node.Value, CacheOutcome.Hit));

    private async Task RunLoadAsync<TState>(
        TKey key,
        InFlightLoad<TValue> load,
        TState state,
        Func<TKey, TState, CancellationToken, ValueTask<LoadResult<TValue>>> factory,
        DistributedCacheEntryOptions? options)
    {
        LoadFlow.Enter(load);
        LoadResult<TValue> result;
        try
        {
            result = await factory(key, state, load.Token).ConfigureAwait(false);
            var now = Now();
            var expiration = result.Found ? EntryExpiration.From(options, now, _defaultTimeToLive) : EntryExpiration.In(_negativeTimeToLive, now);
            var size = result.Found ? SizeOf(result.Value!) : 0;
            lock (_policyLock)
            {
                load.Completed = true;
                if (_loads.TryGetValue(key, out var registered) && ReferenceEquals(registered, load))
                {
                    _loads.Remove(key);
                    DrainReadBufferLocked();
                    StoreLocked(key, result.Value, absent: !result.Found, expiration, size, now);
                }
            }
        }
        catch (Exception error)
        {
            // Whatever failed (the factory, or sizing its value), the waiters must be released and the key left
            // loadable: an exception here must never strand a registered load.
            lock (_policyLock)
            {
                load.Completed = true;
                UnregisterLocked(key, load);
            }
            load.Fail(error);
            return;
        }
        load.Succeed(result);
    }

    private async ValueTask<CacheLookup<TValue>> WaitForLoadAsync(TKey key, InFlightLoad<TValue> load, CacheOutcome source, CancellationToken cancellationToken)
    {
        try
        {
            var result = await load.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new CacheLookup<TValue>(result.Found, result.Value, source);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LeaveLoad(key, load);
            throw;
        }
    }

    /// <summary>
    /// A waiter gave up; when it was the last one the load is unregistered and cancelled, so nobody joins a load
    /// that is about to be cancelled, and the next caller starts a fresh one even if this loader never returns.
    /// </summary>
    private void LeaveLoad(TKey key, InFlightLoad<TValue> load)
    {
        bool cancel;
        lock (_policyLock)
        {
            load.Waiters--;
            cancel = load.Waiters == 0 && !load.Completed;
            if (cancel)
            {
                UnregisterLocked(key, load);
            }
        }

        // Outside the lock: cancellation callbacks run synchronously and may call back into the cache.
        if (cancel)
        {
            load.Cancel();
        }
    }

    private void UnregisterLocked(TKey key, InFlightLoad<TValue> load)
    {
        if (_loads.TryGetValue(key, out var registered) && ReferenceEquals(registered, load))
        {
            _loads.Remove(key);
        }
    }
}
