using System.ComponentModel.DataAnnotations;

namespace LruAspire.Caching;

/// <summary>Bounds and behaviour of an <see cref="Lru.LruCache{TKey, TValue}"/>.</summary>
public sealed class LruCacheOptions
{
    /// <summary>The configuration section the API binds these options from.</summary>
    public const string SectionName = "Cache";

    /// <summary>The maximum number of entries; adding one more evicts the least recently used.</summary>
    [Range(1, int.MaxValue / 2, ErrorMessage = "Cache:Capacity must be between 1 and 1073741823.")]
    public int Capacity { get; set; } = 1_000;
}
