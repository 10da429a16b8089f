namespace LruAspire.Caching.Concurrency;

/// <summary>
/// The unit of padding against false sharing: fields written by one core and read by another are kept a whole
/// cache line apart, so a write never takes away the line another core is reading.
/// </summary>
internal static class CacheLine
{
    /// <summary>64 bytes, the line size of x64 and of most ARM64 cores (the size .NET's own padding uses on x64).</summary>
    public const int Size = 64;
}
