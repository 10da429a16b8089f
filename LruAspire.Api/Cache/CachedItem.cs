using LruAspire.Api.Store;

namespace LruAspire.Api.Cache;

/// <summary>
/// What the cache holds for an item: its response body and its entity tag, both ready to write, so a hit — and a
/// revalidation answered 304 — is served without serializing, formatting or allocating anything.
/// </summary>
/// <param name="Json">The UTF-8 JSON body, <c>{"key":42,"value":"..."}</c>, written to the response as it is.</param>
/// <param name="ETag">The strong entity tag as the <c>ETag</c> header carries it, quotes included (<see cref="ItemETag"/>).</param>
public sealed record CachedItem(byte[] Json, string ETag)
{
    /// <summary>The representation of <paramref name="item"/>: its JSON body and the tag of its version.</summary>
    public static CachedItem From(Item item) => new(ItemJson.Serialize(item), ItemETag.Format(item.Version));

    /// <summary>The cache's size of an entry: the body's bytes (the tag's few bytes are not counted).</summary>
    public static long SizeOf(CachedItem item) => item.Json.Length;
}
