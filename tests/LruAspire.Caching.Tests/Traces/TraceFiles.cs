using System.Collections.Concurrent;
using LruAspire.Traces;

namespace LruAspire.Caching.Tests.Traces;

/// <summary>
/// The traces of <c>../shared/traces</c>, each read once per test run. A test that needs one is reported as
/// skipped, with where the folder was looked for, when the folder is absent (a user's clone).
/// </summary>
internal static class TraceFiles
{
    private static readonly TracesFolderSearch Search = TracesFolder.Find();
    private static readonly ConcurrentDictionary<string, Lazy<long[]>> Loaded = new(StringComparer.Ordinal);

    /// <summary>The keys of the catalogued trace <paramref name="name"/>; skips the calling test without the folder.</summary>
    public static long[] Load(string name)
    {
        Skip.IfNot(Search.Found,
            $"../shared/traces not found: {Search.Description}. The trace tests need the real traces beside the clone; " +
            $"set {TracesFolder.EnvironmentVariable} to the folder holding arc/, lirs/ and caffeine/ to run them.");
        return Loaded.GetOrAdd(name, key => new Lazy<long[]>(() => TraceCatalog.Get(key).Load(Search.Path))).Value;
    }
}
