using LruAspire.Traces;

namespace LruAspire.Caching.Tests.Traces;

/// <summary>How the trace tests and the benchmark find <c>../shared/traces</c>, on directory trees built here.</summary>
public sealed class TracesFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lruaspire-folder-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Walks_up_from_inside_the_clone_to_the_traces_beside_it()
    {
        var (clone, traces) = CloneBesideTraces();
        var nested = Directory.CreateDirectory(Path.Combine(clone, "tests", "bin", "Debug")).FullName;

        var search = TracesFolder.Find(environmentValue: null, [nested]);

        Assert.True(search.Found);
        Assert.Equal(traces, search.Path);
    }

    [Fact]
    public void A_clone_without_traces_beside_it_is_not_found_and_says_where_it_looked()
    {
        var clone = Directory.CreateDirectory(Path.Combine(_root, "clone")).FullName;
        File.WriteAllText(Path.Combine(clone, TracesFolder.SolutionFileName), "");

        var search = TracesFolder.Find(environmentValue: null, [clone]);

        Assert.False(search.Found);
        Assert.Contains(Path.Combine(_root, "shared", "traces"), search.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_variable_overrides_the_walk()
    {
        var (clone, _) = CloneBesideTraces();
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;

        var search = TracesFolder.Find(elsewhere, [clone]);

        Assert.Equal(elsewhere, search.Path);
    }

    [Fact]
    public void An_environment_variable_naming_a_missing_folder_means_absent_even_beside_real_traces()
    {
        var (clone, _) = CloneBesideTraces();

        var search = TracesFolder.Find("/nonexistent", [clone]);

        Assert.False(search.Found);
        Assert.Contains($"{TracesFolder.EnvironmentVariable}=/nonexistent", search.Description, StringComparison.Ordinal);
    }

    private (string Clone, string Traces) CloneBesideTraces()
    {
        var clone = Directory.CreateDirectory(Path.Combine(_root, "clone")).FullName;
        File.WriteAllText(Path.Combine(clone, TracesFolder.SolutionFileName), "");
        var traces = Directory.CreateDirectory(Path.Combine(_root, "shared", "traces")).FullName;
        return (clone, traces);
    }
}
