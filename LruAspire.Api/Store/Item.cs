namespace LruAspire.Api.Store;

/// <summary>A row of the <c>items</c> table: the data the API serves, and the version its entity tag is made from.</summary>
/// <param name="Key">The item's key, a positive 64-bit integer.</param>
/// <param name="Value">The stored text.</param>
/// <param name="Version">
/// Changes on every write: a fresh value of the <c>items_version_seq</c> sequence, so it is never reused — not
/// by another key, not after a delete and re-create — and is the same on every replica and after a restart.
/// </param>
public sealed record Item(long Key, string Value, long Version);
