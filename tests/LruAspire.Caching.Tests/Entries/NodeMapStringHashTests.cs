using LruAspire.Caching.Entries;
using LruAspire.Caching.Expiration;

namespace LruAspire.Caching.Tests.Entries;

/// <summary>
/// String keys hash with the fast non-randomized function until a flood of colliding keys makes a chain longer
/// than <see cref="NodeMap{TKey, TValue}.CollisionThreshold"/>; then the table switches to the randomized hash and
/// every key stays found, including by readers that look while it switches.
/// </summary>
public class NodeMapStringHashTests
{
    [Fact]
    public void The_hash_reads_every_character_of_keys_of_every_length()
    {
        for (var length = 0; length <= 17; length++)
        {
            var key = new string('k', length);
            for (var position = 0; position < length; position++)
            {
                var changed = string.Create(length, position, static (chars, position) =>
                {
                    chars.Fill('k');
                    chars[position] = 'q';
                });
                Assert.NotEqual(NonRandomizedStringHash.Of(key), NonRandomizedStringHash.Of(changed));
            }
            Assert.NotEqual(NonRandomizedStringHash.Of(key), NonRandomizedStringHash.Of(key + "\0"));
        }
    }

    [Fact]
    public void The_attackers_keys_really_collide()
    {
        var hashes = CollidingStrings.Make(500).Select(NonRandomizedStringHash.Of).Distinct();
        Assert.Single(hashes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ordinary_keys_keep_the_fast_hash_with_the_default_or_the_ordinal_comparer(bool ordinal)
    {
        var map = new NodeMap<string, int>(entries: 16, ordinal ? StringComparer.Ordinal : null);
        for (var i = 0; i < 100_000; i++)
        {
            AddIfMissing(map, "key-" + i);
        }

        Assert.False(map.HashesStringsRandomized);
        Assert.All(map.Nodes(), node => Assert.Equal(NonRandomizedStringHash.Of(node.Key), node.Hash));
    }

    [Fact]
    public void A_culture_comparer_is_used_as_given()
    {
        var map = new NodeMap<string, int>(entries: 16, StringComparer.OrdinalIgnoreCase);
        AddIfMissing(map, "Key");

        Assert.True(map.TryGetValue("KEY", out _));
        Assert.Equal(StringComparer.OrdinalIgnoreCase.GetHashCode("Key"), map.Hash("Key"));
    }

    [Fact]
    public void A_flood_of_colliding_keys_switches_to_the_randomized_hash_and_every_key_stays_found()
    {
        var map = new NodeMap<string, int>(entries: 1_024, comparer: null);
        var keys = CollidingStrings.Make(3 * NodeMap<string, int>.CollisionThreshold);
        foreach (var key in keys)
        {
            AddIfMissing(map, key);
        }

        Assert.True(map.HashesStringsRandomized);
        Assert.Equal(keys.Length, map.Count);
        foreach (var key in keys)
        {
            Assert.True(map.TryGetValue(key, out var node));
            Assert.Equal(key, node.Key);
            Assert.Equal(key.GetHashCode(), node.Hash);
        }
        Assert.False(map.TryGetValue(CollidingStrings.Make(1, salt: 1)[0], out _));
    }

    [Fact]
    public void The_switch_rehashes_once_and_later_adds_relink_nothing()
    {
        var map = new NodeMap<string, int>(entries: 1_024, comparer: null);
        foreach (var key in CollidingStrings.Make(2 * NodeMap<string, int>.CollisionThreshold))
        {
            AddIfMissing(map, key);
        }
        Assert.True(map.HashesStringsRandomized);
        var later = Enumerable.Range(0, 100).Select(i => NewNode(map, "later-" + i)).ToArray();

        // Every relink allocates a bucket array; these adds fit the table, so a second rehash is the only thing
        // that could allocate (and it would run on every add if the switch left the flood flag set).
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var node in later)
        {
            if (map.Find(node.Key, node.Hash) is null)
            {
                map.Add(node);
            }
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(later, node => Assert.True(map.TryGetValue(node.Key, out var found) && ReferenceEquals(found, node)));
    }

    [Fact]
    public async Task Readers_never_miss_a_key_while_a_flood_switches_the_hash_under_them()
    {
        var stable = Enumerable.Range(0, 64).Select(i => "stable-" + i).ToArray();
        var flood = CollidingStrings.Make(2 * NodeMap<string, int>.CollisionThreshold);
        var current = NewMap(stable);
        var switches = 0;

        var (failures, lookups) = await ReadersBesideAWriter.RunAsync(TimeSpan.FromSeconds(1.5), stop =>
        {
            while (!stop.IsCancellationRequested)
            {
                var map = Volatile.Read(ref current);
                foreach (var key in flood)
                {
                    AddIfMissing(map, key);
                }
                switches += map.HashesStringsRandomized ? 1 : 0;
                Volatile.Write(ref current, NewMap(stable));
            }
        }, random =>
        {
            var key = stable[random.Next(stable.Length)];
            return Volatile.Read(ref current).TryGetValue(key, out var node) && node.Key == key;
        });

        Assert.Equal(0, failures);
        Assert.True(lookups > 1_000, $"Only {lookups} lookups ran.");
        Assert.True(switches > 0, "The flood never switched the hash.");
    }

    private static NodeMap<string, int> NewMap(string[] keys)
    {
        var map = new NodeMap<string, int>(entries: 16, comparer: null);
        foreach (var key in keys)
        {
            AddIfMissing(map, key);
        }
        return map;
    }

    /// <summary>What the cache does on a store: find the key under the lock, and add it if it is missing.</summary>
    private static void AddIfMissing(NodeMap<string, int> map, string key)
    {
        var hash = map.Hash(key);
        if (map.Find(key, hash) is null)
        {
            map.Add(new CacheNode<string, int>(key, hash, 0, isAbsent: false, size: 0, EntryExpiration.None, EntryExpiration.Never));
        }
    }

    private static CacheNode<string, int> NewNode(NodeMap<string, int> map, string key) =>
        new(key, map.Hash(key), 0, isAbsent: false, size: 0, EntryExpiration.None, EntryExpiration.Never);
}
