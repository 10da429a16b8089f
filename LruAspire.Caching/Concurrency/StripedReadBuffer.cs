namespace LruAspire.Caching.Concurrency;

/// <summary>
/// The read buffer: one <see cref="ReadBufferStripe{T}"/> per processor (rounded up to a power of two), picked
/// by thread, so concurrent readers rarely touch the same tail. Lossy by design: when a stripe is contended the
/// reader tries two more, and gives up (the policy misses one access) rather than wait.
/// </summary>
/// <remarks>Caffeine's striped read buffer and BitFaster's <c>StripedMpscBuffer</c>.</remarks>
internal sealed class StripedReadBuffer<T> where T : class
{
    /// <summary>Items per stripe: enough to batch many hits per drain, small enough to drain in microseconds.</summary>
    public const int StripeCapacity = 128;

    private const int Attempts = 3;

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

    /// <summary>Offers <paramref name="item"/> to the stripe of <paramref name="probe"/>, or to another one if contended.</summary>
    public AddResult TryAdd(T item, int probe)
    {
        // An odd step visits every stripe of a power-of-two table.
        var step = (probe >> 16) | 1;
        for (var i = 0; i < Attempts; i++)
        {
            var result = _stripes[probe & _mask].TryAdd(item);
            if (result != AddResult.Contended)
            {
                return result;
            }
            probe += step;
        }
        return AddResult.Contended;
    }

    public int StripeCount => _stripes.Length;

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

    /// <summary>
    /// Moves everything published so far in stripe <paramref name="stripe"/>, oldest first, into
    /// <paramref name="output"/> (which holds a whole ring); only the lock holder calls it. One pass per stripe
    /// never chases producers that keep adding.
    /// </summary>
    public int DrainTo(int stripe, Span<T> output) => _stripes[stripe].DrainTo(output);
}
