namespace LruAspire.Api.Store;

/// <summary>
/// The preconditions of a write (RFC 9110 §13.2.2): <c>If-Match</c> must match the current version, and
/// <c>If-None-Match</c> must not. The store checks them in the same statement that writes, so no other write can
/// slip in between the check and the write.
/// </summary>
/// <param name="IfMatch">Write only if the item exists and (unless <c>*</c>) has one of these versions.</param>
/// <param name="IfNoneMatch">Write only if the item is absent or (unless <c>*</c>) has none of these versions.</param>
public sealed record ItemPrecondition(VersionMatch IfMatch, VersionMatch IfNoneMatch)
{
    /// <summary>An unconditional write.</summary>
    public static ItemPrecondition None { get; } = new(VersionMatch.Absent, VersionMatch.Absent);

    /// <summary>Create only: <c>If-None-Match: *</c>.</summary>
    public static ItemPrecondition IfAbsent { get; } = new(VersionMatch.Absent, VersionMatch.Any);

    /// <summary>Only if the item still has <paramref name="version"/>: <c>If-Match: "version"</c>.</summary>
    public static ItemPrecondition IfVersion(long version) => new(VersionMatch.OneOf([version]), VersionMatch.Absent);

    /// <summary>Whether an item with <paramref name="version"/> (null: no item) satisfies both conditions.</summary>
    public bool IsMetBy(long? version) =>
        (!IfMatch.IsPresent || IfMatch.Matches(version)) && (!IfNoneMatch.IsPresent || !IfNoneMatch.Matches(version));
}
