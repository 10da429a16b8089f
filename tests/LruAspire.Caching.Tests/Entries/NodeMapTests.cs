using CsCheck;
using LruAspire.Caching.Entries;
using LruAspire.Caching.Expiration;

namespace LruAspire.Caching.Tests.Entries;

/// <summary>
/// The cache's own hash table: it agrees with a <see cref="Dictionary{TKey, TValue}"/> under random adds, replaces
/// and removes (with a comparer that makes most keys collide, so chains are long), it keeps every node through its
/// resizes, and a reader running beside the writer never misses a key that stays in the table.
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
                var found = map.Find(key, map.Hash(key));
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

    [Fact]
    public async Task A_reader_beside_the_writer_never_misses_a_key_that_stays_and_never_finds_a_wrong_one()
    {
        const int Stable = 1_000;
        var current = StableMap(Stable);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var failures = 0L;
        var lookups = 0L;
        var grownTables = 0;

        // The writer grows a table from 16 buckets through about ten resizes while replacing the stable keys, then
        // starts over with a new table, so the readers run beside many resizes, not only the first few.
        // Dedicated threads: with two readers spinning on two cores a pool writer could be starved of a thread.
        var writer = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var map = Volatile.Read(ref current);
                for (var next = Stable; next < 20 * Stable; next++)
                {
                    var stable = next % Stable;
                    map.Replace(map.Find(stable, map.Hash(stable))!, Node(map, stable, stable));
                    map.Add(Node(map, next, next));
                }
                grownTables++;
                Volatile.Write(ref current, StableMap(Stable));
            }
        }, TaskCreationOptions.LongRunning);
        var readers = Enumerable.Range(0, 2).Select(seed => Task.Factory.StartNew(() =>
        {
            var random = new Random(seed);
            while (!stop.IsCancellationRequested)
            {
                var map = Volatile.Read(ref current);
                var key = random.Next(Stable);
                if (!map.TryGetValue(key, out var node) || node.Key != key || node.Value != key)
                {
                    Interlocked.Increment(ref failures);
                }
                if (map.TryGetValue(-1 - key, out _))
                {
                    Interlocked.Increment(ref failures); // never added
                }
                Interlocked.Increment(ref lookups);
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        await Task.WhenAll([writer, .. readers]);
        Assert.Equal(0, failures);
        Assert.True(lookups > 1_000, $"Only {lookups} lookups ran.");
        Assert.True(grownTables > 0, "The writer never grew a table to its end.");
    }

    private static NodeMap<int, int> StableMap(int keys)
    {
        var map = new NodeMap<int, int>(entries: 16, comparer: null);
        for (var key = 0; key < keys; key++)
        {
            map.Add(Node(map, key, key));
        }
        return map;
    }

    private static CacheNode<TKey, int> Node<TKey>(NodeMap<TKey, int> map, TKey key, int value) where TKey : notnull =>
        new(key, map.Hash(key), value, isAbsent: false, size: 0, EntryExpiration.None, EntryExpiration.Never);

    private sealed class ModuloComparer(int buckets) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => x == y;

        public int GetHashCode(int obj) => obj % buckets;
    }
}
