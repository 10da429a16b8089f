namespace LruAspire.Api.Cache;

/// <summary>What this replica knows about writes made by the others, and what its cache does about it.</summary>
public enum CoherenceState
{
    /// <summary>
    /// Not hearing change notifications, and the database does not answer this replica either (or has not been
    /// asked yet, at start-up). Nobody can write through a database that is down, so the cached entries are still
    /// what it holds: they keep being served. This is what keeps hits answering 200 through an outage.
    /// </summary>
    BlindKeepingCache,

    /// <summary>The listener hears every committed write; the cache is used and kept coherent.</summary>
    Listening,

    /// <summary>
    /// Not hearing change notifications while the database answers queries: other replicas may be writing and
    /// this one would never know. The cache was cleared when this was detected, and reads go to the database
    /// (<c>X-Cache: BYPASS</c>) until the listener hears again.
    /// </summary>
    BlindBypassingCache,
}
