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
        var children = ProcessTree.ChildrenOf(pid);
        Send("STOP", children);
        return [pid, .. children];
    }

    /// <summary>Lets the frozen processes run again; children first, so the parent finds them running.</summary>
    public static void Continue(IReadOnlyList<int> pids)
    {
        Send("CONT", [.. pids.Reverse()]);
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
