using System.Runtime.InteropServices;

namespace LruAspire.Caching.Concurrency;

/// <summary>
/// A ring buffer's head and tail on separate cache lines (and away from neighbouring objects): producers write
/// the tail, the consumer writes the head, and neither should invalidate the other's line (false sharing).
/// </summary>
/// <remarks>Not nested in <see cref="ReadBufferStripe{T}"/>: the runtime refuses explicit layout in generic types.</remarks>
[StructLayout(LayoutKind.Explicit, Size = 3 * CacheLine)]
internal struct PaddedHeadAndTail
{
    private const int CacheLine = 64;

    [FieldOffset(CacheLine)]
    public int Head;

    [FieldOffset(2 * CacheLine)]
    public int Tail;
}
