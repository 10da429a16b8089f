namespace LruAspire.Caching;

/// <summary>Why an entry left the cache.</summary>
public enum EvictionReason
{
    /// <summary>Dropped to make room: the entry count, the byte bound or the absences' bound was reached and the policy chose it.</summary>
    Capacity,

    /// <summary>Its absolute or sliding expiration had passed when it was found or swept.</summary>
    Expired,

    /// <summary>Removed explicitly (<c>Remove</c>, <c>Clear</c>, or replaced by an already-expired value).</summary>
    Removed,
}
