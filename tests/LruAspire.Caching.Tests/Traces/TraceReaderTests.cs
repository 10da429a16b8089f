using LruAspire.Traces;

namespace LruAspire.Caching.Tests.Traces;

/// <summary>Each trace format's parse rule (<c>../shared/traces/lru_sim.py</c>), on small files written here.</summary>
public sealed class TraceReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lruaspire-traces-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Arc_records_expand_to_count_consecutive_keys_and_blank_lines_are_skipped()
    {
        var path = Write("arc.lis", "5 1 0 0\n\n  10 3 0 1\n7\t2 0 2\n");

        Assert.Equal([5L, 10, 11, 12, 7, 8], TraceReader.Read(path, TraceFormat.Arc));
    }

    [Fact]
    public void Lirs_lines_are_one_key_each_and_stars_and_blank_lines_are_skipped()
    {
        var path = Write("lirs.trace", "3\n*\n\n 4 \n3\n*\n");

        Assert.Equal([3L, 4, 3], TraceReader.Read(path, TraceFormat.Lirs));
    }

    [Fact]
    public void Int64_big_endian_records_are_signed_and_a_trailing_partial_record_is_ignored()
    {
        var path = Write("i64.trace", [0, 0, 0, 0, 0, 0, 1, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xAA, 0xBB]);

        Assert.Equal([0x0102L, -2], TraceReader.Read(path, TraceFormat.Int64BigEndian));
    }

    [Fact]
    public void UInt32_big_endian_records_are_zero_extended_into_long()
    {
        var path = Write("u32.trace", [0, 0, 1, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]);

        Assert.Equal([256L, 4_294_967_295L], TraceReader.Read(path, TraceFormat.UInt32BigEndian));
    }

    [Theory]
    [InlineData(TraceFormat.Lirs, "1\nx2\n")]
    [InlineData(TraceFormat.Arc, "1 1 0 0\n7\n")]
    [InlineData(TraceFormat.Arc, "1 1 0 0\n7 -1 0 0\n")]
    public void A_malformed_text_line_is_a_format_error_naming_the_file_and_line(TraceFormat format, string text)
    {
        var path = Write("bad.trace", text);

        var error = Assert.Throws<FormatException>(() => TraceReader.Read(path, format));

        Assert.StartsWith($"{path}:2:", error.Message, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
