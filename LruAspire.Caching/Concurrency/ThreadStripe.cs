using System.Numerics;

namespace LruAspire.Caching.Concurrency;

/// <summary>
/// Gives each thread a stripe, so threads that read at the same time write to different cache lines (the
/// striping of Java's <c>LongAdder</c>, Caffeine's read buffer and BitFaster's <c>StripedMpscBuffer</c>).
/// </summary>
/// <remarks>
/// A thread takes the smallest number no live thread holds, on its first use, and gives it back when it is gone
/// (a finalizer on a thread-static lease, run after the thread has exited). So while no more than
/// <see cref="Count"/> threads that read are alive, each has a stripe of its own, however many the thread pool
/// has retired and created meanwhile; hashing thread ids instead let two of two threads share a stripe half the
/// time, and numbering threads once and for all let a long-running server's new pool threads share by chance.
/// </remarks>
internal static class ThreadStripe
{
    /// <summary>
    /// Four stripes per processor (a power of two, at most 64): a server's pool runs a few threads per core, and
    /// only threads beyond the count share a stripe with another.
    /// </summary>
    public static int Count { get; } = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Min(4 * Environment.ProcessorCount, 64));

    private static readonly Lock Numbers = new();

    /// <summary>Numbers given back by exited threads, handed out again smallest first. Guarded by <see cref="Numbers"/>.</summary>
    private static readonly SortedSet<int> Released = [];

    /// <summary>The largest number handed out so far. Written under <see cref="Numbers"/>; read by <see cref="Highest"/>.</summary>
    private static int s_highest;

    [ThreadStatic]
    private static int t_probe;

    [ThreadStatic]
    private static Lease? t_lease;

    /// <summary>
    /// The largest number any thread has held (0 before the first): stripes past it have never had a reader. It only
    /// grows, and a thread's own number is never above what that thread reads here.
    /// </summary>
    public static int Highest => Volatile.Read(ref s_highest);

    /// <summary>The calling thread's number (1 and up); the low bits pick its stripe.</summary>
    public static int Probe()
    {
        var probe = t_probe;
        return probe != 0 ? probe : Assign();
    }

    private static int Assign()
    {
        int probe;
        lock (Numbers)
        {
            probe = Released.Count > 0 ? Released.Min : ++s_highest;
            Released.Remove(probe);
        }
        t_lease = new Lease(probe);
        return t_probe = probe;
    }

    /// <summary>Referenced only by its thread's thread-static field, so it is finalized once that thread has exited.</summary>
    private sealed class Lease(int probe)
    {
        ~Lease()
        {
            lock (Numbers)
            {
                Released.Add(probe);
            }
        }
    }
}
