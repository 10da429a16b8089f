namespace LruAspire.Caching;

// The counters' snapshot: hits replayed from the read buffer and the write-side counters under the policy lock,
// plus the lock-free counts (hits the buffer's stripes dropped, misses).
public sealed partial class LruCache<TKey, TValue>
{
    /// <inheritdoc />
    public LruCacheStatistics Statistics
    {
        get
        {
            LruCacheStatistics locked;
            lock (_policyLock)
            {
                // Hits still in the read buffer are counted when it drains.
                DrainReadBufferLocked();
                locked = _writes.ToStatistics() with
                {
                    Count = _count,
                    Absences = _absences.Count,
                    Bytes = _bytes,
                };
            }
            var droppedHits = _readBuffer.DroppedHits;
            var droppedAbsenceHits = _readBuffer.DroppedAbsenceHits;
            return locked with
            {
                Hits = locked.Hits + droppedHits,
                NegativeHits = locked.NegativeHits + droppedAbsenceHits,
                DroppedReads = droppedHits + droppedAbsenceHits,
                Misses = _misses.Misses,
                Capacity = Capacity,
                MaxBytes = MaxBytes,
                MaxAbsences = MaxAbsences,
            };
        }
    }
}
