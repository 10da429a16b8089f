using System.Text.Json;
using System.Text.Json.Serialization;
using LruAspire.Api.Cache;

namespace LruAspire.Api.Apis;

/// <summary>Source-generated JSON for the API's request and response bodies, in the seed's snake_case.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CacheMetricsResponse))]
[JsonSerializable(typeof(PutItemRequest))]
[JsonSerializable(typeof(ItemResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
