using System.Diagnostics.Metrics;

namespace LruAspire.LoadGen.Telemetry;

/// <summary>
/// The <c>LruAspire.LoadGen</c> meter: what the generator sent, so the dashboard can plot offered load next to
/// the API's own request metrics. Tagged by scenario only, to keep the number of time series small.
/// </summary>
public sealed class LoadGenMeter
{
    public const string MeterName = "LruAspire.LoadGen";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _duration;

    public LoadGenMeter(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("lruaspire.loadgen.requests", "{request}", "Requests sent to the API.");
        _failures = meter.CreateCounter<long>("lruaspire.loadgen.failures", "{request}", "Requests that got no 2xx response.");
        _duration = meter.CreateHistogram<double>("lruaspire.loadgen.request.duration", "s", "Response time seen by the load generator.");
    }

    public void Record(string scenario, double seconds, bool failed)
    {
        var tag = new KeyValuePair<string, object?>("lruaspire.loadgen.scenario", scenario);
        _requests.Add(1, tag);
        _duration.Record(seconds, tag);
        if (failed)
        {
            _failures.Add(1, tag);
        }
    }
}
