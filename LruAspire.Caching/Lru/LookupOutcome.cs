namespace LruAspire.Caching.Lru;

/// <summary>What a stripe found for a key.</summary>
internal enum LookupOutcome
{
    Miss,
    Hit,

    /// <summary>A live negative entry: the key is known to have no value.</summary>
    Absent,
}
