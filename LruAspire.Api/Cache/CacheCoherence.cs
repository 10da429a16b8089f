namespace LruAspire.Api.Cache;

/// <summary>
/// This replica's <see cref="CoherenceState"/>: set by <see cref="ItemInvalidationListener"/>, read on every
/// lookup by <see cref="CoherentLruCache{TKey, TValue}"/> and by the health check.
/// </summary>
public sealed class CacheCoherence
{
    // An int so that a hit pays one volatile read, and a state change is visible to every thread at once.
    private volatile int _state = (int)CoherenceState.BlindKeepingCache;

    public CoherenceState State
    {
        get => (CoherenceState)_state;
        internal set => _state = (int)value;
    }

    /// <summary>Whether lookups must skip the cache (<see cref="CoherenceState.BlindBypassingCache"/>).</summary>
    public bool BypassCache => _state == (int)CoherenceState.BlindBypassingCache;
}
