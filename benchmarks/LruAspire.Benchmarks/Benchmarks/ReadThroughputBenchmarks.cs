using BenchmarkDotNet.Attributes;
using LruAspire.Benchmarks.Caches;
using LruAspire.Benchmarks.Workloads;

namespace LruAspire.Benchmarks.Benchmarks;

/// <summary>
/// Read throughput on 1 and 2 threads: every lookup a hit, keys Zipf-distributed (s = 0.9) over 10,000 resident
/// keys in a cache of 20,000. The same number of lookups is split over the threads, each replaying its own
/// precomputed stream, so the reported time per operation is wall time over all lookups: 2-thread throughput ÷
/// 1-thread is the 1-thread time over the 2-thread one.
/// </summary>
[MemoryDiagnoser]
public class ReadThroughputBenchmarks
{
    private const int Operations = 262_144;
    private const int KeyCount = 10_000;
    private string[] _keys = [];
    private int[][] _streams = [];
    private IBenchmarkCache _cache = null!;

    [ParamsAllValues]
    public CacheKind Cache { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _keys = ZipfKeys.Keys(KeyCount);
        _streams = [.. Enumerable.Range(0, Threads).Select(t => ZipfKeys.Sample(KeyCount, 0.9, Operations / Threads, seed: 42 + t))];
        _cache = CacheFactory.Create(Cache, capacity: 2 * KeyCount);
        var value = new byte[64];
        foreach (var key in _keys)
        {
            _cache.Set(key, value);
        }
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public void Reads() => OnThreads.Run(Threads, t => Run(_streams[t]));

    private void Run(int[] stream)
    {
        foreach (var index in stream)
        {
            _cache.TryGet(_keys[index], out _);
        }
    }
}
