namespace LruAspire.Caching.Policies;

/// <summary>
/// The keys <see cref="WindowSimulations"/> replay: those whose hash, mixed by Murmur3's finalizer, falls in one of
/// a power-of-two number of buckets (spatial sampling; <see cref="WindowSimulations"/> says why every bit of the hash
/// must reach the bucket).
/// </summary>
/// <remarks>
/// A value, so the writer can keep its own copy: <see cref="DeferredSimulations"/> asks it at every policy update,
/// and <see cref="WindowSimulations"/>' own fields share a cache line with the count of sampled accesses that the
/// replay on the pool increments at every one of them.
/// </remarks>
/// <param name="divisor">One key in this many is sampled: a power of two, 1 for every key.</param>
internal readonly struct KeySample(int divisor)
{
    private readonly uint _mask = (uint)divisor - 1;

    /// <summary>Whether the key with hash <paramref name="hash"/> is in the sample.</summary>
    public bool Contains(int hash) => (Mix((uint)hash) & _mask) == 0;

    /// <summary>Murmur3's 32-bit finalizer: every input bit reaches every output bit.</summary>
    private static uint Mix(uint x)
    {
        x ^= x >> 16;
        x *= 0x85EBCA6Bu;
        x ^= x >> 13;
        x *= 0xC2B2AE35u;
        x ^= x >> 16;
        return x;
    }
}
