namespace LruAspire.AppHost.Postgres;

/// <summary>Finds the directory that holds the PostgreSQL server binaries (initdb and postgres).</summary>
internal static class PostgresBinaries
{
    /// <summary>
    /// Tries, in order: the configured directory, <c>pg_config --bindir</c>, every directory on PATH, and the
    /// newest <c>/usr/lib/postgresql/*/bin</c> (Debian and Ubuntu keep the server off PATH).
    /// </summary>
    public static async Task<string?> FindAsync(string? configured)
    {
        if (configured is not null)
        {
            return HasServer(configured) ? configured : null;
        }

        if (await FromPgConfigAsync() is { } fromPgConfig && HasServer(fromPgConfig))
        {
            return fromPgConfig;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasServer(directory))
            {
                return directory;
            }
        }

        const string debianRoot = "/usr/lib/postgresql";
        return Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(versionDirectory => Path.Combine(versionDirectory, "bin"))
                .Where(HasServer)
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static bool HasServer(string directory) =>
        File.Exists(Path.Combine(directory, "postgres")) && File.Exists(Path.Combine(directory, "initdb"));

    private static async Task<string?> FromPgConfigAsync()
    {
        try
        {
            var result = await ProcessRunner.RunAsync("pg_config", ["--bindir"], timeout: TimeSpan.FromSeconds(10));
            return result.ExitCode == 0 ? result.Output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not installed
        }
    }
}
