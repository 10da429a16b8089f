using LruAspire.Caching.Distributed;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace LruAspire.Caching.Tests;

/// <summary>The engine is a real <see cref="IBufferDistributedCache"/>: Microsoft's HybridCache runs on it as its L2.</summary>
public class HybridCacheTests
{
    [Fact]
    public async Task HybridCache_uses_the_lru_as_its_distributed_tier()
    {
        await using var provider = new ServiceCollection()
            .AddLruDistributedCache(o => o.Capacity = 100)
            .AddHybridCache().Services
            .BuildServiceProvider();
        var hybrid = provider.GetRequiredService<HybridCache>();
        var lru = provider.GetRequiredService<LruDistributedCache>();
        var calls = 0;

        var first = await hybrid.GetOrCreateAsync("item:1", _ => { calls++; return ValueTask.FromResult("value-1"); });

        Assert.Equal("value-1", first);
        Assert.Equal(1, lru.Statistics.Count); // HybridCache wrote its serialized payload through the LRU
        Assert.True(((IBufferDistributedCache)lru).TryGet("item:1", new System.Buffers.ArrayBufferWriter<byte>()));

        // A second HybridCache (a fresh L1, as in another process) over the same LRU reads from the LRU, not the factory.
        await using var other = new ServiceCollection()
            .AddSingleton<IDistributedCache>(lru)
            .AddHybridCache().Services
            .BuildServiceProvider();
        var second = await other.GetRequiredService<HybridCache>().GetOrCreateAsync("item:1", _ => { calls++; return ValueTask.FromResult("other"); });

        Assert.Equal("value-1", second);
        Assert.Equal(1, calls);

        await hybrid.RemoveAsync("item:1");
        Assert.Equal(0, lru.Statistics.Count);
    }
}
