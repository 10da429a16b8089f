using System.Globalization;
using LruAspire.Benchmarks.Caches;
using LruAspire.Benchmarks.Workloads;

namespace LruAspire.Benchmarks.Retention;

/// <summary>
/// What <c>MissInsertBenchmarks</c> times, checked for effect: the same workload (a full 1,024-entry cache, keys
/// from a space 64 times larger, an insert after every miss), counting how often the key is present right after
/// its insert. A cache that rejects inserts when full (MemoryCache with a size limit, until its background
/// compaction frees room) does less work per "miss + insert" than one that evicts to make room.
/// </summary>
public static class InsertRetentionRun
{
    private const int Capacity = 1_024;
    private const int Inserts = 400_000;

    public static void Run(TextWriter output)
    {
        var keys = ZipfKeys.Keys(Capacity * 64);
        var value = new byte[64];
        output.WriteLine($"Miss then insert into a full {Capacity:N0}-entry cache, {Inserts:N0} distinct-key inserts");
        output.WriteLine();
        output.WriteLine("| cache | inserts present right after Set |");
        output.WriteLine("|---|---:|");
        foreach (var kind in Enum.GetValues<CacheKind>())
        {
            var cache = CacheFactory.Create(kind, Capacity);
            for (var i = 0; i < Capacity; i++)
            {
                cache.Set(keys[^(i + 1)], value);
            }

            var present = 0;
            for (var i = 0; i < Inserts; i++)
            {
                var key = keys[i % keys.Length];
                if (!cache.TryGet(key, out _))
                {
                    cache.Set(key, value);
                }
                present += cache.TryGet(key, out _) ? 1 : 0;
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {(double)present / Inserts:P1} |"));
        }
    }
}
