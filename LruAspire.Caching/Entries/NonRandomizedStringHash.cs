using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LruAspire.Caching.Entries;

/// <summary>
/// A fast hash of a string's UTF-16 code units that is the same in every process: Bernstein's djb2
/// (<c>h = 33 h ^ c</c>, with a rotate for the multiply) in two interleaved lanes over pairs of characters: the
/// function .NET's <c>Dictionary</c> and <c>ConcurrentDictionary</c> use for string keys until a chain grows long
/// (<c>string.GetNonRandomizedHashCode</c>), with the length mixed in so that a trailing <c>'\0'</c> changes the hash.
/// </summary>
/// <remarks>
/// About a third of the cost of <see cref="string.GetHashCode()"/> (Marvin) on short keys, which is a large share of
/// a cache hit. Not randomized, so keys can be chosen to collide: <see cref="NodeMap{TKey, TValue}"/> watches its
/// chains and switches to the randomized hash on a flood. The bucket index and the frequency sketch mix the result
/// again, so its weak high bits do not matter.
/// </remarks>
internal static class NonRandomizedStringHash
{
    private const uint Seed = (5381 << 16) + 5381;

    /// <summary>The hash of <paramref name="key"/>'s characters (ordinal: equal strings hash alike).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a call would spill the hit's registers around it
    public static int Of(string key)
    {
        // Two characters per step, as one 32-bit word; two lanes, so consecutive steps do not wait on each other.
        var words = MemoryMarshal.Cast<char, uint>(key.AsSpan());
        uint lane1 = Seed, lane2 = Seed ^ (uint)key.Length;
        var i = 0;
        for (; i + 1 < words.Length; i += 2)
        {
            lane1 = Step(lane1, words[i]);
            lane2 = Step(lane2, words[i + 1]);
        }
        if (i < words.Length)
        {
            lane1 = Step(lane1, words[i]);
        }
        if ((key.Length & 1) != 0)
        {
            lane2 = Step(lane2, key[^1]);
        }
        return (int)(lane1 + lane2 * 1566083941);
    }

    private static uint Step(uint lane, uint word) => (BitOperations.RotateLeft(lane, 5) + lane) ^ word;
}
