using System.Runtime.CompilerServices;
using LruAspire.Caching.Concurrency;
using LruAspire.Caching.Entries;
using LruAspire.Caching.Expiration;

namespace LruAspire.Caching;

// The write side: everything here runs under _policyLock (the *Locked methods) or takes it. Every write first
// replays the read buffer, so the policy decides on the accesses in the order they happened.
public sealed partial class LruCache<TKey, TValue>
{
    /// <summary>
    /// Hands a hit to the policy without taking the lock: into the reader's buffer stripe, where it is also
    /// counted when drained (so a hit costs two plain stores and no atomic instruction). A hit on a full stripe while
    /// a drain is pending is counted by the stripe and dropped; the rest is out of line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RecordRead(CacheNode<TKey, TValue> node, int probe)
    {
        var stripe = _readBuffer.StripeOf(probe);
        if (stripe.TryAdd(node))
        {
            return;
        }
        if (Volatile.Read(ref _drainState) == DrainPending)
        {
            // A drain is on its way (only ever under PolicyMaintenance.ThreadPool): the read is dropped and counted,
            // inline, because in that mode most hits arrive here.
            stripe.CountDropped(node.IsAbsent);
            return;
        }
        RecordReadIntoFullStripe(node, stripe);
    }

    /// <summary>
    /// The reader's stripe looked full and no drain is pending. If it really is full, under
    /// <see cref="PolicyMaintenance.ThreadPool"/> the reader schedules a drain on the pool and drops its read;
    /// otherwise it drains the buffer itself if the lock is free (so with one thread no read is ever lost and the
    /// order stays exact). A dropped read is only counted, by its stripe.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RecordReadIntoFullStripe(CacheNode<TKey, TValue> node, ReadBufferStripe<CacheNode<TKey, TValue>> stripe)
    {
        if (stripe.TryAddWithFreshHead(node))
        {
            return;
        }
        if (!_drainOnCaller)
        {
            ScheduleDrain();
        }
        else if (_policyLock.TryEnter())
        {
            try
            {
                DrainReadBufferLocked();
                ApplyReadLocked(node);
            }
            finally
            {
                _policyLock.Exit();
            }
            return;
        }
        stripe.CountDropped(node.IsAbsent);
    }

    private void DrainReadBufferLocked()
    {
        // The array becomes a span once per drain, and only if a stripe holds something: each conversion checks the
        // array's type (a generic lookup in shared code), which cost more than finding an empty stripe empty, and
        // most writes find every stripe empty (3 of a 140 ns TinyLfu miss and insert, measured).
        var stripes = _readBuffer.StripesInUse;
        Span<CacheNode<TKey, TValue>> scratch = default;
        for (var stripe = 0; stripe < stripes; stripe++)
        {
            if (_readBuffer.IsEmpty(stripe))
            {
                continue;
            }
            if (scratch.IsEmpty)
            {
                scratch = _drainScratch;
            }
            var count = _readBuffer.DrainTo(stripe, scratch);
            for (var i = 0; i < count; i++)
            {
                ApplyReadLocked(scratch[i]);
                scratch[i] = null!; // do not keep removed entries alive
            }
        }
    }

    /// <summary>Counts a hit and replays it into the policy (or the absences' order).</summary>
    private void ApplyReadLocked(CacheNode<TKey, TValue> node)
    {
        if (node.IsAbsent)
        {
            _writes.NegativeHits++;
        }
        else
        {
            _writes.Hits++;
        }

        switch (node.Queue)
        {
            case NodeQueue.Removed:
                return; // removed or replaced after the reader found it
            case NodeQueue.Absence:
                _absences.MoveToFront(node);
                return;
            default:
                _policy.RecordAccess(node);
                return;
        }
    }

    /// <summary>A reader found <paramref name="node"/> expired: reclaim it, unless a writer already replaced it.</summary>
    private void ReclaimFound(CacheNode<TKey, TValue> node)
    {
        lock (_policyLock)
        {
            DrainReadBufferLocked();
            if (node.Queue != NodeQueue.Removed && !node.IsLiveAt(Now()))
            {
                RemoveLocked(node, EvictionReason.Expired);
            }
        }
    }

    /// <summary>
    /// Stores a value or a remembered absence for <paramref name="key"/>, replacing any entry it has, then restores
    /// the bounds. A replacement is a new node (see <see cref="CacheNode{TKey, TValue}"/> for why). <paramref name="now"/>
    /// is the time the entry's deadline counts from, unused (any value) when it cannot expire.
    /// </summary>
    private void StoreLocked(TKey key, TValue? value, bool absent, EntryExpiration expiration, long size, long now)
    {
        var deadline = expiration.DeadlineAfterAccess(now);
        var hash = _map.Hash(key);
        var existing = _map.Find(key, hash);
        if (deadline <= now || size > (MaxBytes ?? long.MaxValue))
        {
            // Born expired, or too big ever to fit: do not store it, and do not keep serving the old value.
            if (existing is not null)
            {
                RemoveLocked(existing, deadline <= now ? EvictionReason.Removed : EvictionReason.Capacity);
            }
            return;
        }

        var node = new CacheNode<TKey, TValue>(key, hash, value, absent, size, expiration, deadline);
        if (existing is null)
        {
            _map.Add(node);
            AttachLocked(node);
        }
        else
        {
            ReplaceLocked(existing, node);
        }

        _expirations.Add(node);
        _bytes += size;
        Volatile.Write(ref _count, _count + 1);
        RestoreBoundsLocked();
    }

    /// <summary>Puts <paramref name="replacement"/> in the place of <paramref name="existing"/>, in the map and the policy.</summary>
    private void ReplaceLocked(CacheNode<TKey, TValue> existing, CacheNode<TKey, TValue> replacement)
    {
        if (!existing.IsAbsent && !replacement.IsAbsent)
        {
            // An update keeps the entry's place in the policy (and counts as a use of it).
            _policy.Replace(existing, replacement);
            ForgetLocked(existing);
        }
        else
        {
            DetachLocked(existing);
            AttachLocked(replacement);
        }
        _map.Replace(existing, replacement);
    }

    /// <summary>Puts a new node in its list: the absences' order, or the policy.</summary>
    private void AttachLocked(CacheNode<TKey, TValue> node)
    {
        if (node.IsAbsent)
        {
            _absences.AddFirst(node);
        }
        else
        {
            _policy.Add(node);
        }
    }

    /// <summary>A write is newer than whatever a load in flight read, so that load must not store its result.</summary>
    private void ForgetLoadLocked(TKey key)
    {
        // Most writes find no load in flight; skip hashing the key then.
        if (_loads.Count != 0)
        {
            _loads.Remove(key);
        }
    }

    /// <summary>
    /// The eviction rule: when a bound is exceeded, first reclaim every expired entry (earliest deadline first),
    /// and only then evict live entries chosen by the policy (values) or the absences' LRU order.
    /// </summary>
    private void RestoreBoundsLocked()
    {
        if (!OverBoundsLocked())
        {
            return;
        }
        ReclaimExpiredLocked();
        while (_policy.Count > Capacity || _bytes > (MaxBytes ?? long.MaxValue))
        {
            RemoveLocked(_policy.SelectVictim(), EvictionReason.Capacity);
        }
        while (_absences.Count > MaxAbsences)
        {
            RemoveLocked(_absences.Tail!, EvictionReason.Capacity);
        }
    }

    private bool OverBoundsLocked() =>
        _policy.Count > Capacity || _bytes > (MaxBytes ?? long.MaxValue) || _absences.Count > MaxAbsences;

    private int ReclaimExpiredLocked()
    {
        if (_expirations.Items == 0)
        {
            return 0; // nothing can expire: no need to read the clock
        }
        var now = Now();
        var reclaimed = 0;
        while (_expirations.TakeExpired(now) is { } expired)
        {
            RemoveLocked(expired, EvictionReason.Expired);
            reclaimed++;
        }
        return reclaimed;
    }

    private void RemoveLocked(CacheNode<TKey, TValue> node, EvictionReason reason)
    {
        _map.Remove(node);
        DetachLocked(node);
        _writes.Count(reason);
    }

    /// <summary>Takes <paramref name="node"/> out of its list, the byte total, the expiration order and the count.</summary>
    private void DetachLocked(CacheNode<TKey, TValue> node)
    {
        if (node.Queue == NodeQueue.Absence)
        {
            _absences.Remove(node);
        }
        else
        {
            _policy.Remove(node);
        }
        ForgetLocked(node);
    }

    /// <summary>Takes a node that left its list out of the byte total, the expiration order and the count, and tags it removed.</summary>
    private void ForgetLocked(CacheNode<TKey, TValue> node)
    {
        _bytes -= node.Size;
        _expirations.Forget(node);
        node.Queue = NodeQueue.Removed;
        Volatile.Write(ref _count, _count - 1);
    }
}
