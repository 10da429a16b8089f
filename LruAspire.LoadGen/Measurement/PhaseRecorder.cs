using LruAspire.LoadGen.CacheApi;

namespace LruAspire.LoadGen.Measurement;

/// <summary>
/// Everything measured during one phase of a run: latencies (for the whole phase and for the current progress
/// interval), status codes, <c>X-Cache</c> outcomes, errors and writes the API did not accept. Thread-safe.
/// </summary>
/// <remarks>
/// An error is any response that is not 2xx, including status 0 (no response). The one exception: a write
/// answered 401, 404 or 405 means the API has no (authorised) write endpoint, which is counted as "writes
/// unavailable" so a read-only API still gives a clean <c>mixed</c> run.
/// </remarks>
public sealed class PhaseRecorder
{
    private const int StatusSlots = 600;

    // Process CPU time (all threads) when the phase began, to report what the generator itself cost.
    private readonly TimeSpan _cpuAtStart = Environment.CpuUsage.TotalTime;
    private readonly LatencyHistogram _latency = new();
    private readonly long[] _statusCodes = new long[StatusSlots];
    private readonly long[] _cacheHeaders = new long[Enum.GetValues<CacheHeader>().Length];
    private LatencyHistogram _interval = new();
    private long _errors;
    private long _writesOk;
    private long _writesUnavailable;

    public long Requests => _latency.Count;

    public long Errors => Interlocked.Read(ref _errors);

    public long WritesUnavailable => Interlocked.Read(ref _writesUnavailable);

    public static bool IsWriteUnavailable(LoadRequest request, ApiResponse response) =>
        request.Kind == RequestKind.Write && response.StatusCode is 401 or 404 or 405;

    /// <returns>True when the response counts as an error.</returns>
    public bool Record(LoadRequest request, ApiResponse response, long latencyMicroseconds)
    {
        _latency.RecordMicroseconds(latencyMicroseconds);
        Volatile.Read(ref _interval).RecordMicroseconds(latencyMicroseconds);
        Interlocked.Increment(ref _statusCodes[Math.Clamp(response.StatusCode, 0, StatusSlots - 1)]);
        Interlocked.Increment(ref _cacheHeaders[(int)response.Cache]);

        if (IsWriteUnavailable(request, response))
        {
            Interlocked.Increment(ref _writesUnavailable);
            return false;
        }
        if (!response.IsSuccess)
        {
            Interlocked.Increment(ref _errors);
            return true;
        }
        if (request.Kind == RequestKind.Write)
        {
            Interlocked.Increment(ref _writesOk);
        }
        return false;
    }

    /// <summary>
    /// Returns the latencies since the previous call and starts a new interval. A request finishing during the
    /// swap may land in the old interval; that only blurs one progress line, never the phase totals.
    /// </summary>
    public LatencyHistogram TakeInterval() => Interlocked.Exchange(ref _interval, new LatencyHistogram());

    public PhaseSummary Summarize(string name, int users, TimeSpan elapsed)
    {
        var requests = Requests;
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        var statusCodes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var status = 0; status < StatusSlots; status++)
        {
            var count = Interlocked.Read(ref _statusCodes[status]);
            if (count > 0)
            {
                statusCodes[status == 0 ? "none" : status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = count;
            }
        }
        var cacheHeaders = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var header in Enum.GetValues<CacheHeader>())
        {
            var count = Interlocked.Read(ref _cacheHeaders[(int)header]);
            if (count > 0)
            {
                cacheHeaders[header.ToString().ToUpperInvariant()] = count;
            }
        }

        return new PhaseSummary(
            Name: name,
            Users: users,
            ElapsedSeconds: Math.Round(elapsed.TotalSeconds, 3),
            Requests: requests,
            Throughput: Math.Round(requests / seconds, 1),
            Errors: Errors,
            ErrorRate: requests == 0 ? 0 : Math.Round((double)Errors / requests, 6),
            WritesOk: Interlocked.Read(ref _writesOk),
            WritesUnavailable: WritesUnavailable,
            Latency: LatencySummary.From(_latency),
            StatusCodes: statusCodes,
            CacheHeaders: cacheHeaders,
            GeneratorCpuSeconds: Math.Round((Environment.CpuUsage.TotalTime - _cpuAtStart).TotalSeconds, 3));
    }
}
