using System.Text.Json;
using System.Text.Json.Serialization;

namespace LruAspire.HybridPeer;

/// <summary>Source-generated JSON for <see cref="ItemResponse"/> (camelCase, the web defaults).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ItemResponse))]
internal sealed partial class PeerJsonContext : JsonSerializerContext;
