using BenchmarkDotNet.Attributes;
using LruAspire.Benchmarks.Caches;

namespace LruAspire.Benchmarks.Benchmarks;

/// <summary>
/// Cost of a miss followed by an insert into a full cache (so every insert evicts): a lookup and a set for
/// each of 1,024 keys drawn from a key space 64 times the capacity.
/// </summary>
[MemoryDiagnoser]
public class MissInsertBenchmarks
{
    private const int Capacity = 1_024;
    private const int Batch = 1_024;
    private string[] _keys = [];
    private int _next;
    private IBenchmarkCache _cache = null!;
    private readonly byte[] _value = new byte[64];

    [ParamsAllValues]
    public CacheKind Cache { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _keys = Workloads.ZipfKeys.Keys(Capacity * 64);
        _cache = CacheFactory.Create(Cache, Capacity);
        for (var i = 0; i < Capacity; i++)
        {
            _cache.Set(_keys[^(i + 1)], _value);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void MissThenInsert()
    {
        for (var i = 0; i < Batch; i++)
        {
            var key = _keys[_next];
            _next = _next + 1 == _keys.Length ? 0 : _next + 1;
            if (!_cache.TryGet(key, out _))
            {
                _cache.Set(key, _value);
            }
        }
    }
}
