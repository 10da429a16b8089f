namespace LruAspire.Api.Store;

/// <summary>What a write did.</summary>
public enum WriteStatus
{
    /// <summary>The item did not exist and was inserted.</summary>
    Created,

    /// <summary>The item existed and its value was replaced.</summary>
    Replaced,

    /// <summary>The item was deleted.</summary>
    Deleted,

    /// <summary>A delete found no item with the key (its preconditions are then moot, RFC 9110 §13.2.1).</summary>
    NotFound,

    /// <summary>The item's state did not satisfy the <see cref="ItemPrecondition"/>; nothing was changed or announced.</summary>
    PreconditionFailed,
}

/// <summary>The outcome of a write and, after a create or replace, the item's new version.</summary>
/// <param name="Status">What the write did.</param>
/// <param name="Version">The new version after <see cref="WriteStatus.Created"/> or <see cref="WriteStatus.Replaced"/>; 0 otherwise.</param>
public readonly record struct WriteResult(WriteStatus Status, long Version = 0)
{
    /// <summary>Whether the item changed (and every replica was told).</summary>
    public bool Applied => Status is WriteStatus.Created or WriteStatus.Replaced or WriteStatus.Deleted;
}
