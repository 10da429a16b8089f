using LruAspire.LoadGen.CacheApi;

namespace LruAspire.LoadGen.Scenarios;

/// <summary>The inputs of one run: the knobs, the API's counters before it, and the seed of its key draws.</summary>
public sealed record ScenarioRun(LoadProfile Profile, ApiCacheMetrics? MetricsBefore, int Seed);
