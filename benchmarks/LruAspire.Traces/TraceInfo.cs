namespace LruAspire.Traces;

/// <summary>One trace of <c>../shared/traces</c>: where it is, how to read it, and the capacities to replay it at.</summary>
/// <param name="Name">The name the README and the benchmark tables use (e.g. <c>OLTP</c>, <c>glimpse</c>).</param>
/// <param name="RelativePath">The file, relative to the traces folder, with '/' separators.</param>
/// <param name="Format">How the file's bytes turn into keys.</param>
/// <param name="Capacities">The capacities the README lists for it, ascending, with its reference hit ratios.</param>
public sealed record TraceInfo(string Name, string RelativePath, TraceFormat Format, IReadOnlyList<TraceCapacity> Capacities)
{
    /// <summary>The trace file's full path inside <paramref name="tracesFolder"/>.</summary>
    public string PathIn(string tracesFolder) => Path.Combine(tracesFolder, RelativePath);

    /// <summary>Reads the whole trace from <paramref name="tracesFolder"/>; see <see cref="TraceReader.Read"/>.</summary>
    /// <exception cref="FileNotFoundException">The folder does not hold this trace.</exception>
    public long[] Load(string tracesFolder) => TraceReader.Read(PathIn(tracesFolder), Format);

    /// <summary>The capacity entry for <paramref name="capacity"/>.</summary>
    /// <exception cref="KeyNotFoundException">The README lists no such capacity for this trace.</exception>
    public TraceCapacity At(int capacity)
    {
        foreach (var entry in Capacities)
        {
            if (entry.Capacity == capacity)
            {
                return entry;
            }
        }
        throw new KeyNotFoundException($"The catalogue lists no capacity {capacity} for {Name}.");
    }
}
