namespace LruAspire.Caching;

// Draining the read buffer off the reader's thread (PolicyMaintenance.ThreadPool, TinyLfu only): the reader that
// finds its stripe full schedules one drain on the thread pool and returns, so a hit never pays for a policy update.
public sealed partial class LruCache<TKey, TValue>
{
    private const int DrainIdle = 0;
    private const int DrainPending = 1;

    /// <summary>Whether the reader drains a full buffer itself (always under <see cref="CachePolicy.Lru"/>).</summary>
    private readonly bool _drainOnCaller;

    /// <summary>The one work item, queued again and again, so scheduling a drain allocates nothing.</summary>
    private readonly ScheduledDrain _scheduledDrain;

    /// <summary><see cref="DrainPending"/> while a drain is queued or running: at most one is ever in the pool.</summary>
    private int _drainState;

    /// <summary>Queues a drain unless one is already pending (a plain read first, so a hot reader does not keep hitting the line with a CAS).</summary>
    private void ScheduleDrain()
    {
        if (Volatile.Read(ref _drainState) == DrainIdle &&
            Interlocked.CompareExchange(ref _drainState, DrainPending, DrainIdle) == DrainIdle)
        {
            // Unsafe: the drain needs none of the reader's ExecutionContext (and capturing it would cost a lookup).
            ThreadPool.UnsafeQueueUserWorkItem(_scheduledDrain, preferLocal: false);
        }
    }

    /// <summary>
    /// Drains every stripe a reader has used, under the policy lock, then lets the next full stripe schedule again.
    /// Readers may have filled a stripe while this drain was pending and dropped their reads without scheduling (one
    /// was pending), so a stripe still full after the flag is cleared gets the next drain now rather than waiting
    /// for a write.
    /// </summary>
    private void RunScheduledDrain()
    {
        lock (_policyLock)
        {
            DrainReadBufferLocked();
        }
        // A full fence: the check below must not be read before the flag is seen cleared.
        Interlocked.Exchange(ref _drainState, DrainIdle);
        if (_readBuffer.AnyFull())
        {
            ScheduleDrain();
        }
    }

    private sealed class ScheduledDrain(LruCache<TKey, TValue> cache) : IThreadPoolWorkItem
    {
        public void Execute() => cache.RunScheduledDrain();
    }
}
