using System.Diagnostics;

namespace LruAspire.FunctionalTests.Faults;

/// <summary>Stops and continues process trees with SIGSTOP/SIGCONT (Linux), e.g. to hang PostgreSQL.</summary>
internal static class ProcessSignals
{
    /// <summary>
    /// Freezes <paramref name="pid"/> and its children (for PostgreSQL: the postmaster and every backend), so
    /// connections stay open and nothing answers. The parent goes first, so it cannot fork a child that is missed.
    /// </summary>
    /// <returns>The frozen processes, for <see cref="Continue"/>.</returns>
    public static IReadOnlyList<int> StopTree(int pid)
    {
        Send("STOP", [pid]);
        var children = ChildrenOf(pid);
        Send("STOP", children);
        return [pid, .. children];
    }

    /// <summary>Lets the frozen processes run again; children first, so the parent finds them running.</summary>
    public static void Continue(IReadOnlyList<int> pids)
    {
        Send("CONT", [.. pids.Reverse()]);
    }

    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ParentOf(directory) == parent)
            {
                children.Add(pid);
            }
        }
        return children;
    }

    // /proc/<pid>/stat is "pid (comm) state ppid ..."; comm may contain spaces and parentheses, so parse after the last ')'.
    private static int? ParentOf(string procDirectory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(procDirectory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null; // the process has exited
        }
    }

    private static void Send(string signal, IReadOnlyList<int> pids)
    {
        if (pids.Count == 0)
        {
            return;
        }
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", .. pids.Select(pid => pid.ToString(System.Globalization.CultureInfo.InvariantCulture))])
        {
            RedirectStandardError = true,
        })!;
        var error = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        // A backend may exit between being listed and being signalled; that is not a failure.
        if (error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Any(line => !line.Contains("No such process", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"kill -{signal} {string.Join(' ', pids)} failed: {error}");
        }
    }
}
