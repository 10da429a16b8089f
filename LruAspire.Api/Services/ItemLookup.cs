using LruAspire.Caching;
namespace LruAspire.Api.Services;

/// <summary>
/// The result of <see cref="CacheService.GetAsync"/>: the item's response body as UTF-8 JSON (null when the key
/// has no row) and where it came from.
/// </summary>
public readonly record struct ItemLookup(byte[]? Json, CacheOutcome Outcome)
{
    public bool Found => Json is not null;
}
