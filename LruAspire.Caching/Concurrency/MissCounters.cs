using System.Runtime.InteropServices;

namespace LruAspire.Caching.Concurrency;

/// <summary>
/// Misses, counted without a lock: a <c>LongAdder</c>-style array of cells, one per <see cref="ThreadStripe"/>,
/// each on its own cache lines. A reader increments its thread's cell with one uncontended interlocked add; a
/// snapshot sums the cells. (Hits are counted by the read buffer: when drained, or by the stripe that dropped them.)
/// </summary>
internal sealed class MissCounters
{
    private readonly Cell[] _cells = new Cell[ThreadStripe.Count];

    public long Misses
    {
        get
        {
            long total = 0;
            foreach (ref readonly var cell in _cells.AsSpan())
            {
                total += Volatile.Read(in cell.Misses);
            }
            return total;
        }
    }

    public void Miss(int probe) => Interlocked.Increment(ref _cells[probe & (_cells.Length - 1)].Misses);

    /// <summary>One stripe's counter, padded to two cache lines so no two stripes share one (adjacent-line prefetch included).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct Cell
    {
        [FieldOffset(0)]
        public long Misses;
    }
}
