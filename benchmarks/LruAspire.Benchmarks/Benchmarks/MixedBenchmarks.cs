using BenchmarkDotNet.Attributes;
using LruAspire.Benchmarks.Caches;
using LruAspire.Benchmarks.Workloads;

namespace LruAspire.Benchmarks.Benchmarks;

/// <summary>
/// Throughput of a mixed workload on 1 and 2 threads: 90% lookups and 10% sets, keys Zipf-distributed (s = 0.9)
/// over 50,000 keys with a capacity of 10,000. Each thread replays its own 65,536-operation stream and the
/// reported time is the wall time of one invocation, so the 2-thread row does twice the work: 2-thread throughput
/// ÷ 1-thread is 2 × t(1 thread) / t(2 threads).
/// </summary>
[MemoryDiagnoser]
public class MixedBenchmarks
{
    private const int OperationsPerThread = 65_536;
    private const int KeyCount = 50_000;
    private string[] _keys = [];
    private int[][] _streams = [];
    private IBenchmarkCache _cache = null!;
    private readonly byte[] _value = new byte[64];

    [ParamsAllValues]
    public CacheKind Cache { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _keys = ZipfKeys.Keys(KeyCount);
        _streams = [.. Enumerable.Range(0, Threads).Select(t => ZipfKeys.Sample(KeyCount, 0.9, OperationsPerThread, seed: 42 + t))];
        _cache = CacheFactory.Create(Cache, capacity: 10_000);
        foreach (var index in ZipfKeys.Sample(KeyCount, 0.9, 100_000, seed: 7))
        {
            _cache.Set(_keys[index], _value);
        }
    }

    [Benchmark]
    public void Mixed90Read10Write() => OnThreads.Run(Threads, t => Run(_streams[t]));

    private void Run(int[] stream)
    {
        for (var i = 0; i < stream.Length; i++)
        {
            var key = _keys[stream[i]];
            if (i % 10 == 9)
            {
                _cache.Set(key, _value);
            }
            else
            {
                _cache.TryGet(key, out _);
            }
        }
    }
}
