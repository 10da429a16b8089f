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
    /// <summary>Items per stripe: enough to batch many hits per drain, small enough to drain in microseconds.</summary>
    public const int StripeCapacity = 128;

    private readonly ReadBufferStripe<T>[] _stripes;
    private readonly int _mask;

    public StripedReadBuffer(int stripeCount)
    {
        _stripes = new ReadBufferStripe<T>[stripeCount];
        for (var i = 0; i < stripeCount; i++)
        {
            _stripes[i] = new ReadBufferStripe<T>(StripeCapacity);
        }
        _mask = stripeCount - 1;
    }

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
