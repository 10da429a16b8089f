using System.Security.Cryptography;
using System.Text;

namespace LruAspire.AppHost.Postgres;

/// <summary>
/// A local PostgreSQL installation and data directory: finds the server binaries, initialises the data directory
/// once with password (SCRAM) authentication and, on every later start, makes the superuser's password match the
/// AppHost's secret parameter.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root. When the AppHost is root, every server command runs as the
/// <c>postgres</c> OS user through <c>setpriv</c>, which execs in place so that the process Aspire starts and
/// signals is the command itself (for the server, the <see cref="FastShutdown"/> shell around postgres).
/// </remarks>
internal sealed class LocalPostgresCluster(string binDirectory, string dataDirectory)
{
    private const string ServiceAccount = "postgres";
    private const string PasswordMarkerFile = "lruaspire-password.sha256";

    private static bool RunningAsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    public string ServerPath => Path.Combine(binDirectory, "postgres");

    /// <summary>The command and leading arguments that start <paramref name="program"/> as the right OS user.</summary>
    public static (string Command, string[] Prefix) AsServiceUser(string program) => RunningAsRoot
        ? ("setpriv", ["--reuid=" + ServiceAccount, "--regid=" + ServiceAccount, "--init-groups", "--", program])
        : (program, []);

    /// <summary>
    /// Finds the directory that holds the server binaries (initdb and postgres), or null. Tries, in order: the
    /// configured directory (only that one when given), <c>pg_config --bindir</c>, every directory on PATH, and
    /// the newest <c>/usr/lib/postgresql/*/bin</c> (Debian and Ubuntu keep the server off PATH).
    /// </summary>
    public static async Task<string?> FindBinDirectoryAsync(string? configured, CancellationToken cancellationToken)
    {
        if (configured is not null)
        {
            return HasServer(configured) ? configured : null;
        }

        if (await FromPgConfigAsync(cancellationToken) is { } fromPgConfig && HasServer(fromPgConfig))
        {
            return fromPgConfig;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(HasServer) is { } onPath)
        {
            return onPath;
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

    /// <summary>Initialises the data directory on first use, otherwise resets the superuser's password if it changed.</summary>
    public async Task EnsureReadyAsync(string password, CancellationToken cancellationToken)
    {
        var marker = Path.Combine(dataDirectory, PasswordMarkerFile);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(password, cancellationToken);
        }
        else if (!File.Exists(marker) || await File.ReadAllTextAsync(marker, cancellationToken) != Hash(password))
        {
            await SetPasswordAsync(password, cancellationToken);
        }
        await File.WriteAllTextAsync(marker, Hash(password), cancellationToken);
    }

    private async Task InitializeAsync(string password, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var passwordFile = dataDirectory.TrimEnd('/') + ".pwfile";
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            // initdb insists on a data directory only its owner can enter.
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        try
        {
            if (RunningAsRoot)
            {
                await ProcessRunner.RunCheckedAsync("chown", [$"{ServiceAccount}:{ServiceAccount}", dataDirectory, passwordFile], cancellationToken: cancellationToken);
            }

            var (command, prefix) = AsServiceUser(Path.Combine(binDirectory, "initdb"));
            await ProcessRunner.RunCheckedAsync(command,
            [
                .. prefix, "--pgdata", dataDirectory, "--username", LocalPostgresServerResource.UserName,
                "--pwfile", passwordFile, "--auth-host", "scram-sha-256", "--auth-local", "scram-sha-256",
                "--encoding", "UTF8", "--locale", "C",
            ], cancellationToken: cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// Resets the superuser password in single-user mode (no server running, no network), for a data directory
    /// that was initialised with a password the AppHost no longer has, e.g. after user secrets were cleared.
    /// </summary>
    private async Task SetPasswordAsync(string password, CancellationToken cancellationToken)
    {
        var (command, prefix) = AsServiceUser(ServerPath);
        var literal = password.Replace("'", "''", StringComparison.Ordinal);
        await ProcessRunner.RunCheckedAsync(command, [.. prefix, "--single", "-D", dataDirectory, "postgres"],
            standardInput: $"ALTER ROLE {LocalPostgresServerResource.UserName} WITH PASSWORD '{literal}';\n",
            cancellationToken: cancellationToken);
    }

    private static bool HasServer(string directory) =>
        File.Exists(Path.Combine(directory, "postgres")) && File.Exists(Path.Combine(directory, "initdb"));

    private static async Task<string?> FromPgConfigAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await ProcessRunner.RunAsync("pg_config", ["--bindir"], timeout: TimeSpan.FromSeconds(10), cancellationToken: cancellationToken);
            return result.ExitCode == 0 ? result.Output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not installed
        }
    }

    private static string Hash(string password) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}
