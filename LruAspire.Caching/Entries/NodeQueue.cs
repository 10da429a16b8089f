namespace LruAspire.Caching.Entries;

/// <summary>Which access-order list a node is in; guarded by the policy lock.</summary>
internal enum NodeQueue : byte
{
    /// <summary>Not linked yet.</summary>
    None,

    /// <summary>The single list of the strict LRU policy.</summary>
    Lru,

    /// <summary>TinyLFU's admission window: new entries start here.</summary>
    Window,

    /// <summary>TinyLFU's main space, probationary segment: admitted but not used again since.</summary>
    Probation,

    /// <summary>TinyLFU's main space, protected segment: used again after admission.</summary>
    Protected,

    /// <summary>The list of remembered absences, bounded on its own.</summary>
    Absence,

    /// <summary>Removed from the cache; a buffered read of it is skipped.</summary>
    Removed,
}
