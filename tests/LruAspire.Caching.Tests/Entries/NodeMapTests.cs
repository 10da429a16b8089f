using CsCheck;
using LruAspire.Caching.Entries;
using LruAspire.Caching.Expiration;

namespace LruAspire.Caching.Tests.Entries;

/// <summary>
/// The cache's own hash table, one thread at a time: it agrees with a <see cref="Dictionary{TKey, TValue}"/> under
/// random adds, replaces and removes (with a comparer that makes most keys collide, so chains are long) and keeps
/// every node through its resizes. Readers beside the writer: <see cref="NodeMapChurnTests"/>.
/// </summary>
public class NodeMapTests
{
    [Fact]
    public void Agrees_with_a_dictionary_under_random_adds_replaces_and_removes_with_colliding_keys()
    {
        var operations = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 40]).Array[1, 300];
        operations.Sample(sequence =>
        {
            // Keys that agree mod 4 share a hash: ten-long chains, so unlinking heads, middles and tails is exercised.
            var map = new NodeMap<int, int>(entries: 1, new ModuloComparer(4));
            var model = new Dictionary<int, CacheNode<int, int>>();
            var version = 0;
            foreach (var (operation, key) in sequence)
            {
                var found = map.Find(key);
                Assert.Same(model.GetValueOrDefault(key), found);
                var node = Node(map, key, ++version);
                switch (operation)
                {
                    case 0 when found is null:
                        map.Add(node);
                        model[key] = node;
                        break;
                    case 0 or 1 when found is not null:
                        map.Replace(found, node);
                        model[key] = node;
                        break;
                    case 2 when found is not null:
                        map.Remove(found);
                        model.Remove(key);
                        break;
                }
                Assert.Equal(model.Count, map.Count);
            }
            Assert.Equal(model.Values.OrderBy(n => n.Key), map.Nodes().OrderBy(n => n.Key));
            foreach (var (key, node) in model)
            {
                Assert.True(map.TryGetValue(key, out var read));
                Assert.Same(node, read);
            }
        }, iter: 2_000, threads: 1);
    }

    [Fact]
    public void Every_node_survives_the_resizes_and_absent_keys_stay_absent()
    {
        var map = new NodeMap<long, int>(entries: 16, comparer: null);
        for (var key = 0L; key < 10_000; key++)
        {
            // Aligned keys, as block addresses are: their hashes differ only in high bits.
            map.Add(Node(map, key << 12, (int)key));
        }

        Assert.Equal(10_000, map.Count);
        for (var key = 0L; key < 10_000; key++)
        {
            Assert.True(map.TryGetValue(key << 12, out var node));
            Assert.Equal((int)key, node.Value);
            Assert.False(map.TryGetValue((key << 12) + 1, out _));
        }
    }

    private static CacheNode<TKey, int> Node<TKey>(NodeMap<TKey, int> map, TKey key, int value) where TKey : notnull =>
        new(key, map.Hash(key), value, isAbsent: false, size: 0, EntryExpiration.None, EntryExpiration.Never);
}
