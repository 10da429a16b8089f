using LruAspire.Caching.Expiration;
using LruAspire.Caching.Loading;

namespace LruAspire.Caching.Lru;

// The stripe's half of single flight: loads in flight are registered in _loads under the same lock as the
// entries, so a Set, Remove or Clear can unregister a load atomically with changing the entry.
internal sealed partial class LruStripe<TKey, TValue>
{
    /// <summary>
    /// The single-flight entry point: a live entry answers at once; otherwise the caller joins the load in flight
    /// for the key, or registers a new one that it must then run (<paramref name="owner"/>).
    /// </summary>
    public LookupOutcome TryGetOrJoinLoad(TKey key, out TValue? value, out InFlightLoad<TValue>? load, out bool owner)
    {
        lock (_lock)
        {
            if (TryGetLiveLocked(key, out var node))
            {
                value = node.Value;
                load = null;
                owner = false;
                return node.IsAbsent ? LookupOutcome.Absent : LookupOutcome.Hit;
            }

            if (_loads.TryGetValue(key, out load))
            {
                load.Waiters++;
                _counters.CoalescedLoads++;
                owner = false;
            }
            else
            {
                load = new InFlightLoad<TValue>();
                _loads.Add(key, load);
                _counters.Loads++;
                owner = true;
            }
        }
        value = default;
        return LookupOutcome.Miss;
    }

    /// <summary>Stores a load's result, unless a write unregistered the load while it ran.</summary>
    public void CompleteLoad(TKey key, InFlightLoad<TValue> load, TValue? value, bool absent, EntryExpiration expiration, long size)
    {
        lock (_lock)
        {
            load.Completed = true;
            if (_loads.TryGetValue(key, out var registered) && ReferenceEquals(registered, load))
            {
                _loads.Remove(key);
                StoreLocked(key, value, absent, expiration, size, Now());
            }
        }
    }

    /// <summary>Forgets a load that failed or was cancelled, so the next miss starts a fresh one.</summary>
    public void AbandonLoad(TKey key, InFlightLoad<TValue> load)
    {
        lock (_lock)
        {
            load.Completed = true;
            UnregisterLocked(key, load);
        }
    }

    /// <summary>
    /// A waiter gave up; when it was the last one the load is unregistered and cancelled, so nobody joins a
    /// load that is about to be cancelled.
    /// </summary>
    public void LeaveLoad(TKey key, InFlightLoad<TValue> load)
    {
        bool cancel;
        lock (_lock)
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
