namespace LruAspire.Traces;

/// <summary>
/// Finds <c>../shared/traces</c>: the folder beside the project's clone that CI and every developer have, and a
/// user's clone usually has not.
/// </summary>
public static class TracesFolder
{
    /// <summary>The environment variable that names the traces folder and overrides the search.</summary>
    public const string EnvironmentVariable = "LRUASPIRE_TRACES";

    /// <summary>The file that marks the repository root; the traces folder is <c>../shared/traces</c> from there.</summary>
    public const string SolutionFileName = "LruAspire.sln";

    /// <summary>
    /// Looks where this process would: <see cref="EnvironmentVariable"/>, else upward from the current directory
    /// and from <see cref="AppContext.BaseDirectory"/>. See <see cref="Find(string?, IEnumerable{string})"/>.
    /// </summary>
    public static TracesFolderSearch Find() =>
        Find(Environment.GetEnvironmentVariable(EnvironmentVariable), [Environment.CurrentDirectory, AppContext.BaseDirectory]);

    /// <summary>
    /// Finds the traces folder. A non-empty <paramref name="environmentValue"/> decides alone: the folder it names,
    /// or nothing when that folder does not exist (so pointing it at a missing path simulates a user's clone).
    /// Otherwise each of <paramref name="startDirectories"/> is walked up to the first directory holding
    /// <see cref="SolutionFileName"/>, and that directory's <c>../shared/traces</c> is taken if it exists.
    /// </summary>
    /// <param name="environmentValue">The value of <see cref="EnvironmentVariable"/>, or <see langword="null"/> when unset.</param>
    /// <param name="startDirectories">Directories to walk up from, in order of preference.</param>
    public static TracesFolderSearch Find(string? environmentValue, IEnumerable<string> startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            var named = Path.GetFullPath(environmentValue);
            return Directory.Exists(named)
                ? new TracesFolderSearch(named, $"{EnvironmentVariable}={named}")
                : new TracesFolderSearch(null, $"{EnvironmentVariable}={environmentValue} is not a folder");
        }

        var looked = new List<string>();
        foreach (var start in startDirectories)
        {
            if (SolutionDirectoryAbove(start) is not { } root)
            {
                looked.Add($"no {SolutionFileName} above {start}");
                continue;
            }
            var candidate = Path.GetFullPath(Path.Combine(root, "..", "shared", "traces"));
            if (Directory.Exists(candidate))
            {
                return new TracesFolderSearch(candidate, $"{candidate} (beside {root})");
            }
            looked.Add($"{candidate} does not exist");
        }
        return new TracesFolderSearch(null, string.Join("; ", looked.Distinct(StringComparer.Ordinal)));
    }

    private static string? SolutionDirectoryAbove(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }
        return null;
    }
}
