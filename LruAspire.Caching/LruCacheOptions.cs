using System.ComponentModel.DataAnnotations;

namespace LruAspire.Caching;

/// <summary>Bounds and behaviour of an <see cref="LruCache{TKey, TValue}"/>.</summary>
/// <remarks>
/// Validated with data annotations when the host starts (<c>AddLruCache</c> uses <c>ValidateOnStart</c>) and
/// again by the cache's constructor, so a bad value is a clear startup error, never a silently odd cache.
/// </remarks>
public sealed class LruCacheOptions : IValidatableObject
{
    /// <summary>The maximum number of values; adding one more evicts one chosen by <see cref="Policy"/>.</summary>
    [Range(1, int.MaxValue / 2, ErrorMessage = "Cache:Capacity must be between 1 and 1073741823.")]
    public int Capacity { get; set; } = 1_000;

    /// <summary>Which value to evict when the cache is full; see <see cref="CachePolicy"/>.</summary>
    [EnumDataType(typeof(CachePolicy), ErrorMessage = "Cache:Policy must be Lru or TinyLfu.")]
    public CachePolicy Policy { get; set; } = CachePolicy.TinyLfu;

    /// <summary>
    /// Under <see cref="CachePolicy.TinyLfu"/>, whether a full read buffer and the window simulations are replayed by
    /// the thread pool (the default: the cheapest hit and insert) or by the caller
    /// (<see cref="Caching.PolicyMaintenance.Caller"/>: repeatable single-threaded replays). <see cref="CachePolicy.Lru"/>
    /// always drains on the caller.
    /// </summary>
    [EnumDataType(typeof(PolicyMaintenance), ErrorMessage = "Cache:PolicyMaintenance must be ThreadPool or Caller.")]
    public PolicyMaintenance PolicyMaintenance { get; set; } = PolicyMaintenance.ThreadPool;

    /// <summary>
    /// The maximum total size of the values in bytes, for the whole cache, or <see langword="null"/> for no byte
    /// bound. A value larger than the bound is not cached.
    /// </summary>
    [Range(1L, long.MaxValue, ErrorMessage = "Cache:MaxBytes must be positive when set.")]
    public long? MaxBytes { get; set; }

    /// <summary>
    /// Time to live of entries stored without an explicit absolute or sliding expiration;
    /// <see langword="null"/> keeps them until they are evicted or removed.
    /// </summary>
    public TimeSpan? DefaultTimeToLive { get; set; }

    /// <summary>How long a key that the loader reported as absent is remembered as absent.</summary>
    public TimeSpan NegativeTimeToLive { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The maximum number of remembered absences (keys the loader reported missing), held in their own LRU list
    /// outside <see cref="Capacity"/>, so a flood of requests for missing keys can never evict a value;
    /// <see langword="null"/> for a tenth of <see cref="Capacity"/> (at least 1).
    /// </summary>
    [Range(1, int.MaxValue / 2, ErrorMessage = "Cache:MaxAbsences must be between 1 and 1073741823 when set.")]
    public int? MaxAbsences { get; set; }

    /// <summary>
    /// Period of the one timer that sweeps expired entries nobody asks for any more; <see langword="null"/>
    /// disables it (expired entries are then reclaimed only when touched or when an insert needs room).
    /// </summary>
    public TimeSpan? ExpirationScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultTimeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Cache:DefaultTimeToLive must be positive when set.", [nameof(DefaultTimeToLive)]);
        }
        if (NegativeTimeToLive <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Cache:NegativeTimeToLive must be positive.", [nameof(NegativeTimeToLive)]);
        }
        if (ExpirationScanInterval is { } scan && scan <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Cache:ExpirationScanInterval must be positive when set.", [nameof(ExpirationScanInterval)]);
        }
    }
}
