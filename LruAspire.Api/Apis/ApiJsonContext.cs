using System.Text.Json;
using System.Text.Json.Serialization;

namespace LruAspire.Api.Apis;

/// <summary>Source-generated JSON for the API's response bodies, in the seed's snake_case.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CacheMetricsResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
