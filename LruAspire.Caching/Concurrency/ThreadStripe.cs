using System.Numerics;

namespace LruAspire.Caching.Concurrency;

/// <summary>
/// Gives each thread a stripe, so threads that read at the same time write to different cache lines (the
/// striping of Java's <c>LongAdder</c>, Caffeine's read buffer and BitFaster's <c>StripedMpscBuffer</c>).
/// </summary>
/// <remarks>
/// Threads take consecutive numbers on first use, so the first <see cref="Count"/> threads of the process get a
/// stripe each; hashing thread ids instead let two of two threads share one half the time. Later threads share.
/// </remarks>
internal static class ThreadStripe
{
    /// <summary>
    /// Four stripes per processor (a power of two, at most 64): a server's pool runs a few threads per core, and
    /// every thread beyond the count shares a stripe with another.
    /// </summary>
    public static int Count { get; } = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Min(4 * Environment.ProcessorCount, 64));

    [ThreadStatic]
    private static int t_probe;

    private static int s_lastProbe;

    /// <summary>The calling thread's number; the low bits pick its stripe.</summary>
    public static int Probe()
    {
        var probe = t_probe;
        return probe != 0 ? probe : Assign();
    }

    private static int Assign()
    {
        // 0 marks "not assigned yet"; after 2^32 threads the counter wraps past it, so skip it.
        var probe = Interlocked.Increment(ref s_lastProbe);
        return t_probe = probe != 0 ? probe : Interlocked.Increment(ref s_lastProbe);
    }
}
