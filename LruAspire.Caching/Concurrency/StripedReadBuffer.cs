using System.Runtime.CompilerServices;

namespace LruAspire.Caching.Concurrency;

/// <summary>
/// The read buffer: one <see cref="ReadBufferStripe{T}"/> per <see cref="ThreadStripe"/>, so concurrent readers
/// write to different cache lines. Lossy by design: a reader whose stripe is full drops its read (the policy
/// misses one access) rather than wait.
/// </summary>
/// <remarks>Caffeine's striped read buffer and BitFaster's <c>StripedMpscBuffer</c>, with a stripe per thread instead of a compare-and-swap (see <see cref="ReadBufferStripe{T}"/>).</remarks>
internal sealed class StripedReadBuffer<T> where T : class
{
    /// <summary>
    /// Items per stripe when the reader that fills a stripe drains it itself (<see cref="PolicyMaintenance.Caller"/>,
    /// and <see cref="CachePolicy.Lru"/>): enough to batch many hits per drain, few enough that the one hit that drains
    /// takes microseconds.
    /// </summary>
    public const int CallerStripeCapacity = 128;

    /// <summary>
    /// Items per stripe when a full stripe schedules a drain on the thread pool (<see cref="PolicyMaintenance.ThreadPool"/>):
    /// every read that arrives while the drain waits for a pool thread is dropped, so the stripe must hold what its
    /// thread reads in that time. With 128, a thread hitting in a loop outran the pool and the policy never saw 63–69 %
    /// of the hits (up to 8 points of hit ratio lost on loop traces such as glimpse), and 12 % under the HTTP benchmark's
    /// 80,000 requests a second; with 1,024, 1.4 % there and trace replays within 0.1–0.2 points of the caller's drains
    /// on average (long runs of hits between misses can still outrun a late drain). It costs 8 KB a stripe: 64 KB with
    /// two cores, 512 KB from 16 (64 stripes).
    /// </summary>
    public const int PoolStripeCapacity = 1_024;

    private readonly ReadBufferStripe<T>[] _stripes;
    private readonly int _mask;

    /// <param name="stripeCount">Stripes, a power of two (<see cref="ThreadStripe.Count"/>).</param>
    /// <param name="stripeCapacity">Items per stripe, a power of two: <see cref="CallerStripeCapacity"/> or <see cref="PoolStripeCapacity"/>.</param>
    public StripedReadBuffer(int stripeCount, int stripeCapacity)
    {
        _stripes = new ReadBufferStripe<T>[stripeCount];
        for (var i = 0; i < stripeCount; i++)
        {
            _stripes[i] = new ReadBufferStripe<T>(stripeCapacity);
        }
        _mask = stripeCount - 1;
        StripeCapacity = stripeCapacity;
    }

    /// <summary>Items per stripe.</summary>
    public int StripeCapacity { get; }

    /// <summary>
    /// How many stripes, from the first, a drain must visit: those numbered up to <see cref="ThreadStripe.Highest"/>
    /// (all of them once the numbers wrap). The others never had a reader, so a write on a many-core machine checks
    /// as many stripes as the most threads that were ever alive and read at once, not sixty-four; after a burst of
    /// thread-pool growth to that many, it checks them all, which is still correct.
    /// </summary>
    public int StripesInUse => Math.Min(_stripes.Length, ThreadStripe.Highest + 1);

    /// <summary>
    /// The stripe a reader with <paramref name="probe"/> offers its reads to (see <see cref="ReadBufferStripe{T}.TryAdd"/>);
    /// the reader looks it up once per hit and then offers, or counts a dropped read, on it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadBufferStripe<T> StripeOf(int probe) => _stripes[probe & _mask];

    /// <summary>Hits of values dropped by full stripes, all stripes together (a snapshot).</summary>
    public long DroppedHits => Sum(static stripe => stripe.DroppedHits);

    /// <summary>Hits of remembered absences dropped by full stripes, all stripes together (a snapshot).</summary>
    public long DroppedAbsenceHits => Sum(static stripe => stripe.DroppedAbsenceHits);

    private long Sum(Func<ReadBufferStripe<T>, long> count)
    {
        long total = 0;
        foreach (var stripe in _stripes)
        {
            total += count(stripe);
        }
        return total;
    }

    /// <summary>Whether some stripe is full now (a snapshot): its readers are dropping reads until it is drained.</summary>
    public bool AnyFull()
    {
        foreach (var stripe in _stripes)
        {
            if (stripe.IsFull)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether stripe <paramref name="stripe"/> holds nothing published since its last drain (a snapshot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEmpty(int stripe) => _stripes[stripe].IsEmpty;

    /// <summary>
    /// Moves everything published so far in stripe <paramref name="stripe"/>, oldest first, into
    /// <paramref name="output"/> (which holds a whole ring); only the lock holder calls it. One pass per stripe
    /// never chases producers that keep adding.
    /// </summary>
    public int DrainTo(int stripe, Span<T> output) => _stripes[stripe].DrainTo(output);
}
