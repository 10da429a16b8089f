namespace LruAspire.Caching.Policies;

/// <summary>
/// Replays the sampled accesses in <see cref="WindowSimulations"/> on the thread pool, in batches and in order,
/// instead of on the writer that holds the policy lock (<see cref="PolicyMaintenance.ThreadPool"/>, the default).
/// </summary>
/// <remarks>
/// <para>
/// <b>Why.</b> Five miniature caches replay every sampled access: at 1,024 entries that is a fifth of what a miss and
/// insert costs the writer (25 of about 140 ns, measured), for a choice of window share that only needs to be right
/// over thousands of accesses, not at once. Caffeine runs all of its policy maintenance on an executor for the same
/// reason; here only the simulations move, so the live policy and the cache's bounds stay exact at every write.
/// </para>
/// <para>
/// <b>Flow.</b> The writer (under the policy lock) appends each sampled hash to a batch of
/// <see cref="BatchSize"/>. A full batch is handed over under <see cref="_replayLock"/> and one work item is queued;
/// whichever takes that lock first, the work item or the next writer with a full batch (if the pool is slow),
/// replays it. So every sampled access is replayed exactly once (when its batch is full), in the order the policy saw
/// it, and a writer never waits for the pool to schedule anything: at most for a replay already running, one batch.
/// The locks nest one way only (policy lock, then replay lock; the work item takes the replay lock alone), so a replay
/// always finishes, even with every pool thread blocked on the policy lock behind the writer that waits for it.
/// A pool with no thread free (or slower to wake than the writers are to fill a batch) only moves the replays back to
/// the writers, one batch late, and no further work item is queued while one waits. The share the replay chooses is
/// published to the policy, which applies it at its next sampled access.
/// </para>
/// <para>
/// <b>Sharing.</b> The simulations own everything they touch, their sketch included (<see cref="WindowSimulations"/>
/// says why), and only one thread at a time replays, under <see cref="_replayLock"/>; the writer and the replay share
/// nothing else but the batch handed over, the queued flag and the choice, a few writes a batch; the writer even keeps
/// its own copy of the sample (<see cref="KeySample"/> says why). With <see cref="PolicyMaintenance.Caller"/> the
/// simulations replay on the writer instead, so single-threaded runs repeat exactly.
/// </para>
/// </remarks>
internal sealed class DeferredSimulations : IThreadPoolWorkItem
{
    /// <summary>
    /// Sampled accesses per batch: enough that a pool thread wakes before the writers have filled the next one (at
    /// 200 entries, where every key is sampled, a 64-access batch filled in about 8 µs, the writers replayed most
    /// batches themselves, and a miss and insert cost 250–300 ns against 196–227 with 256), few enough that a choice
    /// reaches the policy at most two batches after it is made (20 of the simulations' 25-access periods, where a
    /// choice needs at least 10; within one batch when the pool keeps up).
    /// </summary>
    public const int BatchSize = 256;

    private readonly WindowSimulations _simulations;
    private readonly Lock _replayLock = new();

    // The writer's own copy (KeySample says why): asked at every policy update, on a line the replay barely writes.
    private readonly KeySample _sample;

    // The writer's side, under the policy lock.
    private int[] _filling = new int[BatchSize];
    private int _filled;

    // Under _replayLock: the batch waiting to be replayed, and how much of it.
    private int[] _handedOver = new int[BatchSize];
    private int _handedOverCount;

    /// <summary>1 while a work item is queued and has not started.</summary>
    private int _queued;

    /// <summary>The share the last replay chose and the policy has not taken yet; NaN for none.</summary>
    private double _choice = double.NaN;

    public DeferredSimulations(WindowSimulations simulations)
    {
        _simulations = simulations;
        _sample = simulations.Sample;
    }

    /// <summary>
    /// Queues the access to the key with hash <paramref name="hash"/> for replay if its key is sampled; then returns
    /// the share a replay chose since the last call that returned one, if any. Writer side, under the policy lock.
    /// </summary>
    public double? Record(int hash)
    {
        if (!_sample.Contains(hash))
        {
            return null;
        }
        _filling[_filled++] = hash;
        if (_filled == BatchSize)
        {
            HandOver();
        }
        return TakeChoice();
    }

    /// <summary>Replays the batch handed over, if the writers have not already (pool side).</summary>
    public void Execute()
    {
        Volatile.Write(ref _queued, 0);
        lock (_replayLock)
        {
            ReplayHandedOverLocked();
        }
    }

    private void HandOver()
    {
        lock (_replayLock)
        {
            // The pool has not run the last batch yet: replay it here first, so the simulations keep the order.
            ReplayHandedOverLocked();
            (_filling, _handedOver) = (_handedOver, _filling);
            _handedOverCount = _filled;
            _filled = 0;
        }
        if (Interlocked.Exchange(ref _queued, 1) == 0)
        {
            // Unsafe: the replay needs none of the writer's ExecutionContext.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void ReplayHandedOverLocked()
    {
        for (var i = 0; i < _handedOverCount; i++)
        {
            if (_simulations.Replay(_handedOver[i]) is { } share)
            {
                Volatile.Write(ref _choice, share);
            }
        }
        _handedOverCount = 0;
    }

    /// <summary>
    /// Takes the published choice, if any. Only the writer takes (a replay only publishes), so a choice seen here is
    /// still there for the exchange; the plain read first keeps the common case, no choice, off the line's ownership.
    /// </summary>
    private double? TakeChoice() =>
        double.IsNaN(Volatile.Read(ref _choice)) ? null : Interlocked.Exchange(ref _choice, double.NaN);
}
