namespace LruAspire.Api.Apis;

/// <summary>The body of <c>PUT /data/{key}</c>: <c>{"value": "..."}</c>.</summary>
public sealed record PutItemRequest(string? Value);
