using System.Numerics;

namespace LruAspire.Caching.Tests.Entries;

/// <summary>
/// An attacker's construction against <see cref="LruAspire.Caching.Entries.NonRandomizedStringHash"/>: eight-character
/// strings whose non-randomized hashes are all equal. Characters 0–1, 4–5 form the first lane's two words and 2–3,
/// 6–7 the second's (kept fixed); the first word is free and the third is chosen to bring the first lane back to one
/// state, which a lane's step allows because it ends in an exclusive or with the word.
/// </summary>
internal static class CollidingStrings
{
    private const uint Seed = (5381 << 16) + 5381;

    public static string[] Make(int count, int salt = 0) => [.. Enumerable.Range(1, count).Select(i => Make((uint)i, (uint)salt))];

    private static string Make(uint first, uint salt)
    {
        const uint fixedWord = 0x0041_0042;
        var third = Rotate(Step(Seed, first)) ^ salt; // Step(Step(Seed, first), third) == salt, whatever first is
        uint[] words = [first, fixedWord, third, fixedWord];
        return string.Create(8, words, static (chars, words) =>
        {
            for (var i = 0; i < words.Length; i++)
            {
                chars[2 * i] = (char)(words[i] & 0xFFFF);
                chars[2 * i + 1] = (char)(words[i] >> 16);
            }
        });
    }

    private static uint Step(uint lane, uint word) => Rotate(lane) ^ word;

    private static uint Rotate(uint lane) => BitOperations.RotateLeft(lane, 5) + lane;
}
