using System.Buffers.Binary;
using System.Globalization;

namespace LruAspire.Traces;

/// <summary>
/// Reads a whole trace file into memory, one key per request, with the parse rules of
/// <c>../shared/traces/lru_sim.py</c>. Each trace is read once and replayed from the array as often as needed.
/// </summary>
public static class TraceReader
{
    /// <summary>Reads every request of the file at <paramref name="path"/>, in order.</summary>
    /// <param name="path">The trace file.</param>
    /// <param name="format">How its bytes turn into keys.</param>
    /// <returns>One key per request (w106, the largest trace, gives 5.3 M keys = 42 MB).</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">
    /// A text line that is not a record of <paramref name="format"/>; the message names the file and the line.
    /// </exception>
    /// <remarks>
    /// Binary formats ignore a trailing partial record, as <c>lru_sim.py</c> does; <see cref="TraceFormat.UInt32BigEndian"/>
    /// keys are zero-extended, so 0xFFFFFFFF is 4,294,967,295, not -1.
    /// </remarks>
    public static long[] Read(string path, TraceFormat format) => format switch
    {
        TraceFormat.Arc or TraceFormat.Lirs => ReadText(path, format),
        TraceFormat.Int64BigEndian => ReadRecords(path, sizeof(long), static bytes => BinaryPrimitives.ReadInt64BigEndian(bytes)),
        TraceFormat.UInt32BigEndian => ReadRecords(path, sizeof(uint), static bytes => BinaryPrimitives.ReadUInt32BigEndian(bytes)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown trace format."),
    };

    private static long[] ReadText(string path, TraceFormat format)
    {
        var keys = new List<long>();
        using var reader = new StreamReader(path);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.AsSpan().Trim();
            if (text.IsEmpty || (format == TraceFormat.Lirs && text is "*"))
            {
                continue;
            }

            if (format == TraceFormat.Lirs)
            {
                keys.Add(ParseInteger(text, path, lineNumber));
                continue;
            }

            var start = ParseInteger(NextField(ref text), path, lineNumber);
            var count = ParseInteger(NextField(ref text), path, lineNumber);
            if (count < 0)
            {
                throw new FormatException($"{path}:{lineNumber}: negative count {count} in an ARC record.");
            }
            for (var offset = 0L; offset < count; offset++)
            {
                keys.Add(start + offset);
            }
        }
        return [.. keys];
    }

    private static long[] ReadRecords(string path, int recordSize, Func<ReadOnlySpan<byte>, long> decode)
    {
        var bytes = File.ReadAllBytes(path);
        var keys = new long[bytes.Length / recordSize];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = decode(bytes.AsSpan(i * recordSize, recordSize));
        }
        return keys;
    }

    // The next whitespace-separated field of a line, advancing past it; empty when the line has no more fields.
    private static ReadOnlySpan<char> NextField(ref ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        var end = rest.IndexOfAny(' ', '\t');
        var field = end < 0 ? rest : rest[..end];
        rest = end < 0 ? [] : rest[end..];
        return field;
    }

    private static long ParseInteger(ReadOnlySpan<char> field, string path, int lineNumber) =>
        long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{path}:{lineNumber}: '{field}' is not an integer key.");
}
