using LruAspire.LoadGen.CacheApi;
using LruAspire.LoadGen.Measurement;

namespace LruAspire.LoadGen.Tests;

public class PhaseRecorderTests
{
    private static readonly LoadRequest Read = new(RequestKind.Read, 1);
    private static readonly LoadRequest Write = new(RequestKind.Write, 1);

    [Fact]
    public void Summary_counts_statuses_cache_headers_and_errors()
    {
        var recorder = new PhaseRecorder();
        for (var i = 0; i < 6; i++)
        {
            recorder.Record(Read, new ApiResponse(200, CacheHeader.Hit), 1_000);
        }
        recorder.Record(Read, new ApiResponse(200, CacheHeader.Miss), 3_000);
        recorder.Record(Read, new ApiResponse(404, CacheHeader.None), 2_000);
        recorder.Record(Read, new ApiResponse(503, CacheHeader.None), 2_000);
        recorder.Record(Read, ApiResponse.TransportFailure, 30_000);

        var summary = recorder.Summarize("read", users: 4, elapsed: TimeSpan.FromSeconds(2));

        Assert.Equal(10, summary.Requests);
        Assert.Equal(5.0, summary.Throughput);
        Assert.Equal(3, summary.Errors);
        Assert.Equal(0.3, summary.ErrorRate);
        Assert.Equal(new Dictionary<string, long> { ["200"] = 7, ["404"] = 1, ["503"] = 1, ["none"] = 1 }, summary.StatusCodes);
        Assert.Equal(new Dictionary<string, long> { ["HIT"] = 6, ["MISS"] = 1, ["NONE"] = 3 }, summary.CacheHeaders);
        Assert.Equal(30.0, summary.Latency.Max);
        Assert.InRange(summary.Latency.P50, 1.0, 1.01);   // within one histogram bucket of 1 ms
    }

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(405)]
    public void Refused_writes_are_unavailable_not_errors(int status)
    {
        var recorder = new PhaseRecorder();

        var failed = recorder.Record(Write, new ApiResponse(status, CacheHeader.None), 500);

        Assert.False(failed);
        var summary = recorder.Summarize("mixed", 1, TimeSpan.FromSeconds(1));
        Assert.Equal(0, summary.Errors);
        Assert.Equal(1, summary.WritesUnavailable);
        Assert.Equal(0, summary.WritesOk);
    }

    [Fact]
    public void Failed_writes_with_other_statuses_are_errors_and_accepted_writes_are_counted()
    {
        var recorder = new PhaseRecorder();

        Assert.True(recorder.Record(Write, new ApiResponse(500, CacheHeader.None), 500));
        Assert.False(recorder.Record(Write, new ApiResponse(200, CacheHeader.None), 500));

        var summary = recorder.Summarize("mixed", 1, TimeSpan.FromSeconds(1));
        Assert.Equal(1, summary.Errors);
        Assert.Equal(1, summary.WritesOk);
        Assert.Equal(0, summary.WritesUnavailable);
    }

    [Fact]
    public void Taking_the_interval_starts_a_new_one()
    {
        var recorder = new PhaseRecorder();
        recorder.Record(Read, new ApiResponse(200, CacheHeader.Hit), 100);

        var first = recorder.TakeInterval();
        recorder.Record(Read, new ApiResponse(200, CacheHeader.Hit), 100);
        recorder.Record(Read, new ApiResponse(200, CacheHeader.Hit), 100);
        var second = recorder.TakeInterval();

        Assert.Equal(1, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Equal(3, recorder.Requests);
    }
}
