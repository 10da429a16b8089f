using LruAspire.Caching.Entries;
using LruAspire.Caching.Expiration;

namespace LruAspire.Caching.Tests.Entries;

/// <summary>
/// Lock-free readers beside a writer that removes, re-adds and replaces keys on long colliding chains: a key that
/// stays in the table is never missed, a node found always carries the key asked for, and no lookup loops (the
/// test would hang) through removed nodes, replaced nodes or chains a resize relinks.
/// </summary>
public class NodeMapChurnTests
{
    private const int Stable = 64;
    private const int Transient = 64;

    [Fact]
    public async Task Readers_on_colliding_chains_never_miss_a_stable_key_while_others_are_removed_readded_and_replaced()
    {
        // Hashes collide mod 8: chains of about sixteen, with stable and transient keys interleaved in each.
        var current = NewMap();
        var rounds = 0;

        var (failures, lookups) = await ReadersBesideAWriter.RunAsync(TimeSpan.FromSeconds(1.5), stop =>
        {
            var random = new Random(7);
            while (!stop.IsCancellationRequested)
            {
                var map = Volatile.Read(ref current);
                for (var step = 0; step < 2_000; step++)
                {
                    var key = Stable + random.Next(Transient);
                    var found = map.Find(key);
                    switch (random.Next(4))
                    {
                        case 0 when found is not null:
                            map.Remove(found);
                            map.Add(Node(map, key)); // the same key again, at the head of its chain
                            break;
                        case 1 when found is not null:
                            map.Remove(found);
                            break;
                        case 2 when found is null:
                            map.Add(Node(map, key));
                            break;
                        default:
                            var stable = random.Next(Stable);
                            map.Replace(map.Find(stable)!, Node(map, stable));
                            break;
                    }
                }
                // Grow through resizes with the stable keys in place, then start over on a small table.
                for (var key = -1; key > -1_000; key--)
                {
                    map.Add(Node(map, key));
                }
                rounds++;
                Volatile.Write(ref current, NewMap());
            }
        }, random =>
        {
            var map = Volatile.Read(ref current);
            var stable = random.Next(Stable);
            var transient = Stable + random.Next(Transient);
            return map.TryGetValue(stable, out var node) && node.Key == stable
                && (!map.TryGetValue(transient, out node) || node.Key == transient);
        });

        Assert.Equal(0, failures);
        Assert.True(lookups > 1_000, $"Only {lookups} lookups ran.");
        Assert.True(rounds > 0, "The writer never finished a round.");
    }

    private static NodeMap<int, int> NewMap()
    {
        var map = new NodeMap<int, int>(entries: 16, new ModuloComparer(8));
        for (var key = 0; key < Stable + Transient; key++)
        {
            map.Add(Node(map, key));
        }
        return map;
    }

    private static CacheNode<int, int> Node(NodeMap<int, int> map, int key) =>
        new(key, map.Hash(key), key, isAbsent: false, size: 0, EntryExpiration.None, EntryExpiration.Never);
}
