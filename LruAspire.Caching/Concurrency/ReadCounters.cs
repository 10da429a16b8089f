using System.Runtime.InteropServices;

namespace LruAspire.Caching.Concurrency;

/// <summary>
/// Misses, and the hits the read buffer dropped, counted without a lock: a <c>LongAdder</c>-style array of cells,
/// one per stripe, each on its own cache line. A reader increments its thread's cell with one uncontended
/// interlocked add; a snapshot sums the cells. (Hits that reach the read buffer are counted when it is drained.)
/// </summary>
internal sealed class ReadCounters
{
    private readonly Cell[] _cells = new Cell[ThreadStripe.Count];

    public long Hits => Sum(static (in cell) => Volatile.Read(in cell.Hits));

    public long NegativeHits => Sum(static (in cell) => Volatile.Read(in cell.NegativeHits));

    public long Misses => Sum(static (in cell) => Volatile.Read(in cell.Misses));

    /// <summary>Counts a hit (a value, or a remembered absence) that the read buffer could not take.</summary>
    public void Dropped(bool absent, int probe)
    {
        ref var cell = ref CellOf(probe);
        if (absent)
        {
            Interlocked.Increment(ref cell.NegativeHits);
        }
        else
        {
            Interlocked.Increment(ref cell.Hits);
        }
    }

    public void Miss(int probe) => Interlocked.Increment(ref CellOf(probe).Misses);

    private ref Cell CellOf(int probe) => ref _cells[probe & (_cells.Length - 1)];

    private long Sum(Reader read)
    {
        long total = 0;
        foreach (ref readonly var cell in _cells.AsSpan())
        {
            total += read(in cell);
        }
        return total;
    }

    private delegate long Reader(in Cell cell);

    /// <summary>The three counters of one stripe, padded to two cache lines so no two stripes share one (adjacent-line prefetch included).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct Cell
    {
        [FieldOffset(0)]
        public long Hits;

        [FieldOffset(8)]
        public long NegativeHits;

        [FieldOffset(16)]
        public long Misses;
    }
}
