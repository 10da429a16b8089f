using System.Diagnostics.CodeAnalysis;
using LruAspire.Caching;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Api.Cache;

/// <summary>
/// The cache engine as this replica may use it: every call passes straight through while the cache can be kept
/// coherent, and while it cannot (<see cref="CoherenceState.BlindBypassingCache"/>) a lookup runs its loader
/// directly, stores nothing and reports <see cref="CacheOutcome.Bypass"/>.
/// </summary>
/// <remarks>
/// Bypassed lookups do not share loads (single flight): every read is its own query, so none can return a value
/// read before a write it started after. They are not counted in <see cref="Statistics"/> either; the engine
/// never sees them.
/// </remarks>
public sealed class CoherentLruCache<TKey, TValue>(ILruCache<TKey, TValue> engine, CacheCoherence coherence)
    : ILruCache<TKey, TValue>, IDisposable where TKey : notnull
{
    public int Capacity => engine.Capacity;

    public CachePolicy Policy => engine.Policy;

    public int Count => engine.Count;

    public LruCacheStatistics Statistics => engine.Statistics;

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (coherence.BypassCache)
        {
            value = default;
            return false;
        }
        return engine.TryGet(key, out value);
    }

    public void Set(TKey key, TValue value, DistributedCacheEntryOptions? options = null)
    {
        if (coherence.BypassCache)
        {
            // Nothing is stored while blind; dropping the old value keeps the "Set replaces" contract.
            engine.Remove(key);
            return;
        }
        engine.Set(key, value, options);
    }

    public bool Remove(TKey key) => engine.Remove(key);

    public void Clear() => engine.Clear();

    public ValueTask<CacheLookup<TValue>> GetOrCreateAsync<TState>(
        TKey key,
        TState state,
        Func<TKey, TState, CancellationToken, ValueTask<LoadResult<TValue>>> factory,
        DistributedCacheEntryOptions? options = null,
        CancellationToken cancellationToken = default) =>
        coherence.BypassCache
            ? LoadDirectlyAsync(key, state, factory, cancellationToken)
            : engine.GetOrCreateAsync(key, state, factory, options, cancellationToken);

    public void Dispose() => (engine as IDisposable)?.Dispose();

    private static async ValueTask<CacheLookup<TValue>> LoadDirectlyAsync<TState>(
        TKey key, TState state, Func<TKey, TState, CancellationToken, ValueTask<LoadResult<TValue>>> factory, CancellationToken cancellationToken)
    {
        var result = await factory(key, state, cancellationToken);
        return new CacheLookup<TValue>(result.Found, result.Value, CacheOutcome.Bypass);
    }
}
