namespace LruAspire.Api.Store;

/// <summary>
/// One conditional header of a write in terms of item versions: absent, <c>*</c> (any existing item), or a list
/// of versions (RFC 9110 §13.1.1 <c>If-Match</c>, §13.1.2 <c>If-None-Match</c>).
/// </summary>
public sealed record VersionMatch
{
    private VersionMatch(bool isPresent, bool isAny, long[] versions) => (IsPresent, IsAny, Versions) = (isPresent, isAny, versions);

    /// <summary>The header was not sent: it constrains nothing.</summary>
    public static VersionMatch Absent { get; } = new(false, false, []);

    /// <summary><c>*</c>: matches whenever the item exists, whatever its version.</summary>
    public static VersionMatch Any { get; } = new(true, true, []);

    public bool IsPresent { get; }

    public bool IsAny { get; }

    /// <summary>The listed versions; empty for <see cref="Any"/>, and empty when no listed tag could be one of ours.</summary>
    public IReadOnlyList<long> Versions { get; }

    /// <summary>A list of versions; an empty list matches nothing (tags that are not ours never match).</summary>
    public static VersionMatch OneOf(long[] versions) => new(true, false, versions);

    /// <summary>Whether an item with <paramref name="version"/> (null: no item) is matched.</summary>
    public bool Matches(long? version) => version is { } current && (IsAny || Versions.Contains(current));
}
