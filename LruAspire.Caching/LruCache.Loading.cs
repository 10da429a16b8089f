using LruAspire.Caching.Expiration;
using LruAspire.Caching.Loading;
using LruAspire.Caching.Lru;
using Microsoft.Extensions.Caching.Distributed;

namespace LruAspire.Caching;

// Single flight: one caller per key runs the factory, the others wait for its result with their own tokens.
public sealed partial class LruCache<TKey, TValue>
{
    /// <inheritdoc />
    public ValueTask<CacheLookup<TValue>> GetOrCreateAsync<TState>(
        TKey key,
        TState state,
        Func<TKey, TState, CancellationToken, ValueTask<LoadResult<TValue>>> factory,
        DistributedCacheEntryOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var stripe = StripeOf(key);
        var outcome = stripe.TryGetOrJoinLoad(key, out var value, out var load, out var owner);
        if (outcome != LookupOutcome.Miss)
        {
            return new ValueTask<CacheLookup<TValue>>(new CacheLookup<TValue>(outcome == LookupOutcome.Hit, value, CacheOutcome.Hit));
        }

        if (owner)
        {
            _ = RunLoadAsync(stripe, key, load!, state, factory, options);
        }
        return WaitForLoadAsync(stripe, key, load!, owner ? CacheOutcome.Miss : CacheOutcome.Coalesced, cancellationToken);
    }

    private async Task RunLoadAsync<TState>(
        LruStripe<TKey, TValue> stripe,
        TKey key,
        InFlightLoad<TValue> load,
        TState state,
        Func<TKey, TState, CancellationToken, ValueTask<LoadResult<TValue>>> factory,
        DistributedCacheEntryOptions? options)
    {
        LoadResult<TValue> result;
        try
        {
            result = await factory(key, state, load.Token).ConfigureAwait(false);
            var now = _time.GetUtcNow().UtcTicks;
            if (result.Found)
            {
                stripe.CompleteLoad(key, load, result.Value, absent: false, EntryExpiration.From(options, now, _defaultTimeToLive), SizeOf(result.Value!));
            }
            else
            {
                stripe.CompleteLoad(key, load, default, absent: true, EntryExpiration.In(_negativeTimeToLive, now), 0);
            }
        }
        catch (Exception error)
        {
            // Whatever failed (the factory, or sizing its value), the waiters must be released and the key left
            // loadable: an exception here must never strand a registered load.
            stripe.AbandonLoad(key, load);
            load.Fail(error);
            return;
        }
        load.Succeed(result);
    }

    private static async ValueTask<CacheLookup<TValue>> WaitForLoadAsync(
        LruStripe<TKey, TValue> stripe, TKey key, InFlightLoad<TValue> load, CacheOutcome source, CancellationToken cancellationToken)
    {
        try
        {
            var result = await load.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new CacheLookup<TValue>(result.Found, result.Value, source);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stripe.LeaveLoad(key, load);
            throw;
        }
    }
}
