namespace LruAspire.FunctionalTests.Faults;

/// <summary>Parent–child relations of Linux processes, read from <c>/proc</c>.</summary>
internal static class ProcessTree
{
    public static List<int> ChildrenOf(int parent)
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

    /// <summary>The first process in <paramref name="root"/>'s tree (itself included) whose program is <paramref name="program"/>.</summary>
    public static int? Find(int root, string program)
    {
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            if (CommandLine(pid).FirstOrDefault() is { } executable
                && (Path.GetFileName(executable) == program || CommandLine(pid).Skip(1).FirstOrDefault()?.EndsWith($"{program}.dll", StringComparison.Ordinal) == true))
            {
                return pid;
            }
            foreach (var child in ChildrenOf(pid))
            {
                pending.Enqueue(child);
            }
        }
        return null;
    }

    public static string[] CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return []; // the process has exited
        }
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
}
