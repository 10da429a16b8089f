using LruAspire.Api.Cache;
using LruAspire.Caching;

namespace LruAspire.Api.Tests.Cache;

public class CoherentLruCacheTests
{
    private readonly CacheCoherence _coherence = new() { State = CoherenceState.Listening };
    private readonly CoherentLruCache<long, string> _cache;
    private int _loads;

    public CoherentLruCacheTests() => _cache = new CoherentLruCache<long, string>(new LruCache<long, string>(100), _coherence);

    [Fact]
    public async Task While_listening_lookups_go_through_the_cache()
    {
        Assert.Equal(CacheOutcome.Miss, (await LookupAsync(1)).Outcome);
        Assert.Equal(CacheOutcome.Hit, (await LookupAsync(1)).Outcome);
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task While_blind_with_the_database_down_cached_entries_keep_being_served()
    {
        await LookupAsync(1);
        _coherence.State = CoherenceState.BlindKeepingCache;

        var lookup = await LookupAsync(1);

        Assert.Equal(CacheOutcome.Hit, lookup.Outcome);
        Assert.Equal("loaded-1", lookup.Value);
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task While_blind_with_the_database_answering_every_lookup_reads_the_store_and_nothing_is_stored()
    {
        _coherence.State = CoherenceState.BlindBypassingCache;

        var first = await LookupAsync(1);
        var second = await LookupAsync(1);
        _cache.Set(2, "set-while-blind");

        Assert.Equal((true, "loaded-1", CacheOutcome.Bypass), (first.Found, first.Value, first.Outcome));
        Assert.Equal(CacheOutcome.Bypass, second.Outcome);
        Assert.Equal(2, _loads);
        Assert.Equal(0, _cache.Count);
        Assert.False(_cache.TryGet(2, out _));

        _coherence.State = CoherenceState.Listening;
        Assert.Equal(CacheOutcome.Miss, (await LookupAsync(1)).Outcome);
        Assert.Equal(CacheOutcome.Hit, (await LookupAsync(1)).Outcome);
    }

    private ValueTask<CacheLookup<string>> LookupAsync(long key) =>
        _cache.GetOrCreateAsync(key, this, static (k, test, _) =>
        {
            Interlocked.Increment(ref test._loads);
            return ValueTask.FromResult(LoadResult<string>.Of($"loaded-{k}"));
        });
}
