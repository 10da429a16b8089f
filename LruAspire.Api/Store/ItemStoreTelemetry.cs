using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LruAspire.Api.Store;

/// <summary>
/// The store's spans (<c>item_store.fetch</c>, <c>item_store.write</c>) and the <c>cache.fetch.duration</c>
/// histogram. They are published under the cache path's name, <see cref="Name"/>, so one name switches on the
/// whole path in OpenTelemetry: the cache lookup, the store call under it and Npgsql's command span under that.
/// </summary>
public sealed class ItemStoreTelemetry
{
    /// <summary>The activity source and meter of the whole cache path (the cache layer publishes under it too).</summary>
    public const string Name = "LruAspire.Cache";

    public const string FetchActivityName = "item_store.fetch";
    public const string WriteActivityName = "item_store.write";
    public const string FetchDurationName = "cache.fetch.duration";

    /// <summary>The item key. A span tag only: keys are unbounded, so they never become a metric tag.</summary>
    public const string KeyTag = "cache.key";

    /// <summary><c>upsert</c> or <c>delete</c> on the write span.</summary>
    public const string WriteOperationTag = "item_store.operation";

    /// <summary>
    /// What a write did, on the write span: <c>created</c>, <c>replaced</c>, <c>deleted</c>, <c>not_found</c> or
    /// <c>precondition_failed</c>.
    /// </summary>
    public const string WriteStatusTag = "item_store.write_status";

    /// <summary><c>found</c>, <c>not_found</c> or <c>error</c> on the fetch span and the fetch-duration histogram.</summary>
    public const string FetchResultTag = "cache.fetch.result";

    // StartActivity returns null unless a listener (the OpenTelemetry tracer) samples this source, so with
    // tracing off a call pays one volatile read and nothing else.
    public static readonly ActivitySource ActivitySource = new(Name);

    // Database reads take from ~100 µs (local, warm) to seconds (pool exhausted); the SDK's default buckets
    // (0, 5, 10, 25 ... 10000) assume milliseconds and would put every fetch in the first bucket.
    private static readonly double[] FetchDurationBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    // Indexed by WriteStatus: the enum's names in snake_case, so a new outcome needs no edit here.
    private static readonly string[] StatusTagValues =
        [.. Enum.GetNames<WriteStatus>().Select(name => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name))];

    private readonly Histogram<double> _fetchDuration;

    public ItemStoreTelemetry(IMeterFactory meterFactory) =>
        _fetchDuration = meterFactory.Create(Name).CreateHistogram(FetchDurationName,
            unit: "s",
            description: "Time the item store took to read an item the cache did not serve (miss or bypass).",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = FetchDurationBuckets });

    /// <summary>The <see cref="WriteStatusTag"/> value of <paramref name="outcome"/>.</summary>
    public static string StatusTagValue(WriteStatus status) => StatusTagValues[(int)status];

    /// <param name="elapsed">How long the read took.</param>
    /// <param name="result"><c>found</c>, <c>not_found</c> or <c>error</c>.</param>
    public void RecordFetch(TimeSpan elapsed, string result) =>
        _fetchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(FetchResultTag, result));
}
