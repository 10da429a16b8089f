namespace LruAspire.Traces;

/// <summary>How a trace file turns into a stream of keys (the formats of <c>../shared/traces/lru_sim.py</c>).</summary>
public enum TraceFormat
{
    /// <summary>
    /// The ARC paper's <c>.lis</c> text: one <c>start count ignored ignored</c> line per request run, expanding to the
    /// keys <c>start … start+count-1</c>. Blank lines are skipped.
    /// </summary>
    Arc,

    /// <summary>The LIRS paper's text: one integer key per line; blank lines and lines equal to <c>*</c> are skipped.</summary>
    Lirs,

    /// <summary>Binary: one big-endian signed 64-bit key per 8-byte record (Caffeine's scarab-recs, Corda vault service).</summary>
    Int64BigEndian,

    /// <summary>Binary: one big-endian unsigned 32-bit key per 4-byte record, read into a <see cref="long"/> (Caffeine's w106).</summary>
    UInt32BigEndian,
}
