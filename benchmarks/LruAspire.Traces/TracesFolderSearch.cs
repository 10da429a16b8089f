using System.Diagnostics.CodeAnalysis;

namespace LruAspire.Traces;

/// <summary>The outcome of looking for the traces folder.</summary>
/// <param name="Path">The folder's full path, or <see langword="null"/> when it was not found.</param>
/// <param name="Description">Where it was found, or everywhere it was looked for: fit for a skip message.</param>
public sealed record TracesFolderSearch(string? Path, string Description)
{
    /// <summary>Whether the folder was found (then <see cref="Path"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Path))]
    public bool Found => Path is not null;
}
