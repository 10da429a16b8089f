namespace LruAspire.Api.Store;

/// <summary>A row of the <c>items</c> table: the data the API serves.</summary>
public sealed record Item(long Key, string Value);
