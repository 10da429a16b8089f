using BenchmarkDotNet.Attributes;
using LruAspire.Benchmarks.Caches;

namespace LruAspire.Benchmarks.Benchmarks;

/// <summary>
/// Latency and allocations of a hit: 1,024 resident keys read round-robin on one thread. The capacity is
/// large enough that every key stays resident in every cache (and in every stripe).
/// </summary>
[MemoryDiagnoser]
public class HitBenchmarks
{
    private const int KeyCount = 1_024;
    private string[] _keys = [];
    private IBenchmarkCache _cache = null!;

    [ParamsAllValues]
    public CacheKind Cache { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _keys = Workloads.ZipfKeys.Keys(KeyCount);
        _cache = CacheFactory.Create(Cache, capacity: 16 * KeyCount);
        var value = new byte[64];
        foreach (var key in _keys)
        {
            _cache.Set(key, value);
        }
    }

    [Benchmark(OperationsPerInvoke = KeyCount)]
    public int Hit()
    {
        var found = 0;
        foreach (var key in _keys)
        {
            if (_cache.TryGet(key, out _))
            {
                found++;
            }
        }
        return found;
    }
}
