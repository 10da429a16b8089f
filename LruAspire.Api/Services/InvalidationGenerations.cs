namespace LruAspire.Api.Services;

/// <summary>
/// Lets a cache fill detect that its key was invalidated while it was reading the store, so a load that began
/// before a write (or a flush) never leaves its stale result in the cache after the invalidation.
/// </summary>
/// <remarks>
/// <para>
/// A load takes a <see cref="Token"/> before reading the store; every invalidation bumps the counter of the key's
/// stripe (or, for a flush, the global epoch) <em>before</em> removing the entry. After the load has stored its
/// value it checks the token again and removes the value if anything was bumped in between. Whatever the
/// interleaving, either the invalidation's remove runs after the fill, or the fill's re-check sees the bump.
/// </para>
/// <para>
/// Counters are striped by key rather than kept per key so memory stays fixed however many keys are written;
/// two keys sharing a stripe only cost an occasional skipped fill, never a stale value.
/// </para>
/// </remarks>
public sealed class InvalidationGenerations
{
    // A power of two so the stripe is a mask, not a division; 4096 longs = 32 KiB.
    private const int StripeCount = 4096;
    private readonly long[] _stripes = new long[StripeCount];
    private long _epoch;

    /// <summary>A snapshot of what invalidations of <paramref name="key"/> have happened so far.</summary>
    public Token Capture(long key) =>
        new(Interlocked.Read(ref _epoch), Interlocked.Read(ref _stripes[Stripe(key)]));

    /// <summary>True when <paramref name="key"/> has not been invalidated since <paramref name="token"/> was captured.</summary>
    public bool IsCurrent(long key, Token token) => token == Capture(key);

    /// <summary>Marks <paramref name="key"/> as changed; call before removing its cache entry.</summary>
    public void Invalidate(long key) => Interlocked.Increment(ref _stripes[Stripe(key)]);

    /// <summary>Marks every key as changed; call before clearing the cache.</summary>
    public void InvalidateAll() => Interlocked.Increment(ref _epoch);

    // Keys are mostly sequential integers, so their low bits already spread evenly over the stripes.
    private static int Stripe(long key) => (int)(key & (StripeCount - 1));

    public readonly record struct Token(long Epoch, long Stripe);
}
