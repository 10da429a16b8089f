using System.Text.Json;
using System.Text.Json.Serialization;
using LruAspire.Api.Store;

namespace LruAspire.Api.Cache;

/// <summary>
/// Serializes an item to the exact bytes the API returns. The cache stores these bytes, so a hit is written to
/// the response as-is instead of being serialized again.
/// </summary>
public static class ItemJson
{
    public static byte[] Serialize(Item item) =>
        JsonSerializer.SerializeToUtf8Bytes(new ItemResponse(item.Key, item.Value), ItemJsonContext.Default.ItemResponse);
}

/// <summary>The body of <c>GET /data/{key}</c>: <c>{"key": 1, "value": "..."}</c>.</summary>
public sealed record ItemResponse(long Key, string Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ItemResponse))]
internal sealed partial class ItemJsonContext : JsonSerializerContext;
