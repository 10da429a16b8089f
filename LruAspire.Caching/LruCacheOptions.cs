using System.ComponentModel.DataAnnotations;

namespace LruAspire.Caching;

/// <summary>Bounds and behaviour of an <see cref="LruCache{TKey, TValue}"/>.</summary>
/// <remarks>
/// Validated with data annotations when the host starts (<c>AddLruCache</c> uses <c>ValidateOnStart</c>) and
/// again by the cache's constructor, so a bad value is a clear startup error, never a silently odd cache.
/// </remarks>
public sealed class LruCacheOptions : IValidatableObject
{
    /// <summary>The maximum number of entries; adding one more evicts the least recently used.</summary>
    [Range(1, int.MaxValue / 2, ErrorMessage = "Cache:Capacity must be between 1 and 1073741823.")]
    public int Capacity { get; set; } = 1_000;

    /// <summary>
    /// The maximum total size of the values in bytes, or <see langword="null"/> for no byte bound. Split evenly
    /// across stripes; a value larger than a stripe's share is not cached.
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
    /// Number of independently locked LRU stripes (a power of two), or 0 to choose from the processor count
    /// and the capacity. 1 gives one exact, global LRU order.
    /// </summary>
    [Range(0, 1024, ErrorMessage = "Cache:StripeCount must be between 0 (automatic) and 1024.")]
    public int StripeCount { get; set; }

    /// <summary>
    /// Period of the one timer that sweeps expired entries nobody asks for any more; <see langword="null"/>
    /// disables it (expired entries are then reclaimed only when touched or when they reach the LRU tail).
    /// </summary>
    public TimeSpan? ExpirationScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StripeCount != 0 && !int.IsPow2(StripeCount))
        {
            yield return new ValidationResult("Cache:StripeCount must be 0 or a power of two.", [nameof(StripeCount)]);
        }
        if (StripeCount > Capacity)
        {
            yield return new ValidationResult("Cache:StripeCount must not exceed Cache:Capacity.", [nameof(StripeCount)]);
        }
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
