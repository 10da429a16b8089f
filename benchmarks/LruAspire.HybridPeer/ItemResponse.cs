namespace LruAspire.HybridPeer;

/// <summary>The body of <c>GET /data/{key}</c>: <c>{"key":1,"value":"value-1"}</c>, as LruAspire.Api returns it.</summary>
public sealed record ItemResponse(long Key, string Value);
