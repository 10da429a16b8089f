using System.Diagnostics;
using LruAspire.Traces;

namespace LruAspire.Benchmarks.Traces;

/// <summary>
/// <c>traces [DIR] [--out FILE] [--only NAME[,NAME…]] [--maintenance thread-pool]</c>: replays every catalogued trace at
/// every listed capacity, single-threaded, through every <see cref="TraceContenders"/> entry, and prints a Markdown
/// report (also written to FILE). DIR defaults to the folder <see cref="TracesFolder.Find()"/> finds. With
/// <c>--maintenance thread-pool</c> the two W-TinyLFU caches keep their defaults, maintenance on the thread pool
/// (see <see cref="TraceContenders.For"/>), so their figures vary from run to run.
/// </summary>
public static class TraceRun
{
    private const string Usage = "usage: traces [DIR] [--out FILE] [--only NAME[,NAME...]] [--maintenance thread-pool]";

    /// <returns>The process exit code: 0, or 2 for bad arguments or a missing traces folder.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter progress)
    {
        string? folder = null, outFile = null, only = null;
        var onThreadPool = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Count:
                    outFile = args[++i];
                    break;
                case "--only" when i + 1 < args.Count:
                    only = args[++i];
                    break;
                case "--maintenance" when i + 1 < args.Count && args[i + 1] == "thread-pool":
                    onThreadPool = true;
                    i++;
                    break;
                case var arg when !arg.StartsWith("--", StringComparison.Ordinal) && folder is null:
                    folder = arg;
                    break;
                default:
                    progress.WriteLine($"unexpected argument '{args[i]}'\n{Usage}");
                    return 2;
            }
        }

        var search = folder is null ? TracesFolder.Find()
            : Directory.Exists(folder) ? new TracesFolderSearch(Path.GetFullPath(folder), folder)
            : new TracesFolderSearch(null, $"{folder} is not a folder");
        if (!search.Found)
        {
            progress.WriteLine($"traces folder not found: {search.Description}\nPass DIR or set {TracesFolder.EnvironmentVariable}.\n{Usage}");
            return 2;
        }

        IReadOnlyList<TraceInfo> traces;
        try
        {
            traces = only is null ? TraceCatalog.All : [.. only.Split(',').Select(TraceCatalog.Get)];
        }
        catch (KeyNotFoundException ex)
        {
            progress.WriteLine($"{ex.Message} Known: {string.Join(", ", TraceCatalog.All.Select(t => t.Name))}");
            return 2;
        }

        var report = Replay(search.Path, traces, TraceContenders.For(onThreadPool), progress);
        var command = $"traces {search.Path}" + (only is null ? "" : $" --only {only}") + (onThreadPool ? " --maintenance thread-pool" : "");
        var markdown = TraceReport.Render(report, command);
        output.Write(markdown);
        if (outFile is not null)
        {
            File.WriteAllText(outFile, markdown);
            progress.WriteLine($"written to {Path.GetFullPath(outFile)}");
        }
        return 0;
    }

    private static TraceRunResult Replay(string folder, IReadOnlyList<TraceInfo> traces, IReadOnlyList<TraceContender> contenders, TextWriter progress)
    {
        var total = Stopwatch.StartNew();
        var loading = TimeSpan.Zero;
        var replaying = contenders.ToDictionary(c => c.Name, _ => TimeSpan.Zero);
        var rows = new List<TraceRow>();
        foreach (var trace in traces)
        {
            var started = Stopwatch.GetTimestamp();
            var keys = trace.Load(folder);
            loading += Stopwatch.GetElapsedTime(started);
            foreach (var capacity in trace.Capacities)
            {
                var results = new Dictionary<string, ReplayResult>();
                foreach (var contender in contenders)
                {
                    started = Stopwatch.GetTimestamp();
                    var cache = contender.Create(capacity.Capacity);
                    try
                    {
                        results[contender.Name] = TraceReplay.Run(keys, cache);
                    }
                    finally
                    {
                        (cache as IDisposable)?.Dispose();
                    }
                    replaying[contender.Name] += Stopwatch.GetElapsedTime(started);
                }
                var row = new TraceRow(trace, capacity, results);
                rows.Add(row);
                progress.WriteLine($"{trace.Name} @ {capacity.Capacity:N0}: " +
                    string.Join(", ", contenders.Select(c => $"{c.Name} {row.Percent(c.Name):F2} %")));
            }
        }
        return new TraceRunResult([.. contenders.Select(c => c.Name)], rows, loading, replaying, total.Elapsed);
    }
}
