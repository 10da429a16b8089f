namespace LruAspire.AppHost.Postgres;

/// <summary>
/// Runs postgres under a tiny POSIX shell that turns SIGTERM into SIGINT, so that stopping the resource is
/// PostgreSQL's "fast" shutdown, as with the official postgres container image (<c>STOPSIGNAL SIGINT</c>).
/// </summary>
/// <remarks>
/// DCP stops an executable with SIGTERM, which PostgreSQL treats as a "smart" shutdown: it refuses new
/// connections but waits for every existing session to end. The API's pooled connections stay open (and keep
/// being served) for minutes, so the server only went away when DCP lost patience about six seconds later and
/// killed it, leaving a data directory that needed crash recovery on the next start. SIGINT instead ends the
/// sessions and shuts down cleanly in well under a second.
/// </remarks>
internal static class FastShutdown
{
    // Waits again after the trap interrupts "wait", so the shell exits only once postgres has, with its status.
    private const string Script = """
        trap 'kill -INT "$pid" 2>/dev/null' TERM INT
        "$@" &
        pid=$!
        while kill -0 "$pid" 2>/dev/null; do wait "$pid"; status=$?; done
        exit "$status"
        """;

    /// <summary>The command and leading arguments that start the server (its own arguments follow).</summary>
    public static (string Command, string[] Prefix) ServerCommand(string serverPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return (serverPath, []); // no POSIX signals, no /bin/sh
        }
        var (shell, prefix) = LocalPostgresCluster.AsServiceUser("/bin/sh");
        return (shell, [.. prefix, "-c", Script, "postgres", serverPath]);
    }
}
