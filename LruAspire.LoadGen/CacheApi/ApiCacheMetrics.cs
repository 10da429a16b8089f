using System.Text.Json.Serialization;

namespace LruAspire.LoadGen.CacheApi;

/// <summary>The API's <c>GET /metrics</c> body.</summary>
public sealed record ApiCacheMetrics(long Hits, long Misses, double HitRate, long Evictions, int Count, int Capacity);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ApiCacheMetrics))]
[JsonSerializable(typeof(WriteBody))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

/// <summary>The body of <c>PUT /data/{key}</c>.</summary>
internal sealed record WriteBody(string Value);
