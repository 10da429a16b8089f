using System.Runtime.CompilerServices;

namespace LruAspire.Caching.Entries;

/// <summary>
/// Fibonacci hashing (Knuth, <i>The Art of Computer Programming</i>, vol. 3, §6.4): the top bits of the hash times
/// 2^32/φ pick the bucket, so hashes that differ only in their high bits (block addresses, aligned ids) still spread,
/// where masking the low bits would put them all in one chain.
/// </summary>
internal static class FibonacciHashing
{
    /// <summary>The bucket of <paramref name="hash"/> among 2^<paramref name="bits"/> buckets; <paramref name="bits"/> is 1 to 31.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bucket(int hash, int bits) => (int)(((uint)hash * 0x9E3779B9u) >> (32 - bits));
}
