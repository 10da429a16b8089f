using System.Numerics;

namespace LruAspire.Caching.Concurrency;

/// <summary>
/// Picks a stripe for the calling thread, so threads that read at the same time mostly write to different cache
/// lines (the striping of Java's <c>LongAdder</c>, Caffeine's read buffer and BitFaster's <c>StripedMpscBuffer</c>).
/// </summary>
internal static class ThreadStripe
{
    /// <summary>A power of two ≥ the processor count: one stripe per core is enough, more only spreads the data thinner.</summary>
    public static int Count { get; } = (int)BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount);

    /// <summary>A well-mixed hash of the managed thread id; the low bits pick a stripe.</summary>
    /// <remarks>Thread ids are small sequential integers; the multiply-xorshift spreads them over every bit.</remarks>
    public static int Probe()
    {
        var x = (uint)Environment.CurrentManagedThreadId * 0x9E3779B9u;
        return (int)(x ^ (x >> 16));
    }
}
