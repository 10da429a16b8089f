using System.Numerics;
using System.Runtime.CompilerServices;

namespace LruAspire.Caching.Entries;

// How a key finds its chain: its hash (the fast string hash until a flood, see the class remarks), the bucket the
// hash picks, and the equality that confirms a node.
internal sealed partial class NodeMap<TKey, TValue>
{
    /// <summary>A chain longer than this is a flood of colliding string keys (the threshold of .NET's <c>Dictionary</c>).</summary>
    public const int CollisionThreshold = 100;

    /// <summary>
    /// Whether string keys hash with <see cref="NonRandomizedStringHash"/> (only ever for string keys): cleared,
    /// under the resize counter, by the first chain found longer than <see cref="CollisionThreshold"/>.
    /// </summary>
    private bool _nonRandomizedStrings;

    /// <summary>A writer found a chain longer than <see cref="CollisionThreshold"/>: the next add rehashes. Writer side.</summary>
    private bool _floodDetected;

    /// <summary>
    /// Whether a flood of colliding keys switched the table from <see cref="NonRandomizedStringHash"/> to
    /// <see cref="string.GetHashCode()"/> (see the remarks); <see langword="false"/> for a table that never used the
    /// fast hash, even one whose comparer hashes randomized.
    /// </summary>
    public bool HashesStringsRandomized => typeof(TKey) == typeof(string) && _comparer is null && !_nonRandomizedStrings;

    /// <summary>The key's hash code, by the table's equality; nodes keep it (<see cref="CacheNode{TKey, TValue}.Hash"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Hash(TKey key) =>
        // Unsafe.As, not a cast: the flag is only ever set when TKey is string, so a type check would be wasted.
        _nonRandomizedStrings ? NonRandomizedStringHash.Of(Unsafe.As<TKey, string>(ref key))
        : _comparer is null ? key.GetHashCode()
        : _comparer.GetHashCode(key);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Equal(TKey stored, TKey key) =>
        // The default equality, not object.Equals: a key type may be equal only through IEquatable<T>.
        _comparer is null ? EqualityComparer<TKey>.Default.Equals(stored, key) : _comparer.Equals(stored, key);

    /// <summary>The head of the chain for <paramref name="hash"/>; the length is a power of two, at least 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref CacheNode<TKey, TValue>? HeadOf(Bucket[] buckets, int hash) =>
        ref buckets[FibonacciHashing.Bucket(hash, BitOperations.Log2((uint)buckets.Length))].Head;
}
