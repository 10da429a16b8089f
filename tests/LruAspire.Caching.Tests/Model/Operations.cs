using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Caching.Tests.Model;

/// <summary>A random test case: the cache's bounds and a sequence of operations, shared by the model-based tests.</summary>
internal sealed record Scenario(int Capacity, long? MaxBytes, TimeSpan? DefaultTimeToLive, Operation[] Operations);

internal abstract record Operation;

internal sealed record Get(int Key) : Operation;

/// <param name="Kind">0, 1: no expiration; 2: absolute; 3: sliding; 4: absolute and sliding; 5: already expired.</param>
internal sealed record Set(int Key, int Size, int Kind, int Seconds) : Operation
{
    public DistributedCacheEntryOptions Options() => Kind switch
    {
        2 => new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Seconds) },
        3 => new() { SlidingExpiration = TimeSpan.FromSeconds(Seconds) },
        4 => new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Seconds * 2), SlidingExpiration = TimeSpan.FromSeconds(Seconds) },
        5 => new() { AbsoluteExpiration = DateTimeOffset.UnixEpoch },
        _ => new(),
    };
}

internal sealed record Remove(int Key) : Operation;

internal sealed record Advance(int Seconds) : Operation;

internal sealed record Sweep : Operation;
