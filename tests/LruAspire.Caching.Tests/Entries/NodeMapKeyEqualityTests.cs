using LruAspire.Caching.Entries;
using LruAspire.Caching.Expiration;

namespace LruAspire.Caching.Tests.Entries;

/// <summary>
/// Without a comparer the map must use the key's default equality, <see cref="EqualityComparer{T}.Default"/>, as the
/// <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> it replaced did and as the cache's
/// own table of loads in flight does: for a key type that implements <see cref="IEquatable{T}"/> that is its
/// <c>Equals(T)</c>, not <see cref="object.Equals(object)"/>.
/// </summary>
public class NodeMapKeyEqualityTests
{
    [Fact]
    public void The_default_equality_of_the_key_type_finds_an_equal_key_that_is_another_instance()
    {
        Assert.True(EqualityComparer<Sku>.Default.Equals(new Sku("a-1"), new Sku("a-1"))); // the contract the map must keep

        var map = new NodeMap<Sku, int>(entries: 16, comparer: null);
        var stored = new Sku("a-1");
        map.Add(new CacheNode<Sku, int>(stored, map.Hash(stored), 1, isAbsent: false, size: 0, EntryExpiration.None, EntryExpiration.Never));

        Assert.True(map.TryGetValue(new Sku("a-1"), out var node));
        Assert.Same(stored, node.Key);
    }

    [Fact]
    public void A_cache_keyed_by_an_equatable_class_hits_and_keeps_one_entry_per_equal_key()
    {
        var cache = new LruCache<Sku, string>(new LruCacheOptions { Capacity = 4, ExpirationScanInterval = null });
        cache.Set(new Sku("a-1"), "first");
        cache.Set(new Sku("a-1"), "second");

        Assert.True(cache.TryGet(new Sku("a-1"), out var value));
        Assert.Equal("second", value);
        Assert.Equal(1, cache.Count);
        cache.AssertIntegrity();
    }

    /// <summary>
    /// A key class that is equal by <see cref="IEquatable{T}"/> only: legal, and what
    /// <see cref="EqualityComparer{T}.Default"/> (and so every BCL dictionary) honours.
    /// </summary>
#pragma warning disable CA1067 // the point of the type: equality through IEquatable<T> only
    private sealed class Sku(string code) : IEquatable<Sku>
#pragma warning restore CA1067
    {
        public string Code { get; } = code;

        public bool Equals(Sku? other) => other is not null && other.Code == Code;

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);
    }
}
