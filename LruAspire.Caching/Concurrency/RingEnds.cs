using System.Runtime.InteropServices;

namespace LruAspire.Caching.Concurrency;

/// <summary>
/// A ring buffer's ends on separate cache lines (and away from neighbouring objects): the consumer writes the
/// head, the producer the tail, its cached copy of the head and the count of reads it dropped, and neither should
/// invalidate the other's line (false sharing).
/// </summary>
/// <remarks>Not nested in <see cref="ReadBufferStripe{T}"/>: the runtime refuses explicit layout in generic types.</remarks>
[StructLayout(LayoutKind.Explicit, Size = 3 * CacheLine.Size)]
internal struct RingEnds
{
    /// <summary>The next slot the consumer reads; written by the consumer only.</summary>
    [FieldOffset(CacheLine.Size)]
    public int Head;

    /// <summary>The next slot a producer writes.</summary>
    [FieldOffset(2 * CacheLine.Size)]
    public int Tail;

    /// <summary>The head as the producer last read it: a lower bound of the real one.</summary>
    [FieldOffset(2 * CacheLine.Size + sizeof(int))]
    public int CachedHead;

    /// <summary>Reads of values the ring could not take (it was full): counted on the producer's own line.</summary>
    [FieldOffset(2 * CacheLine.Size + 2 * sizeof(int))]
    public long DroppedHits;

    /// <summary>Reads of remembered absences the ring could not take.</summary>
    [FieldOffset(2 * CacheLine.Size + 2 * sizeof(int) + sizeof(long))]
    public long DroppedAbsenceHits;
}
