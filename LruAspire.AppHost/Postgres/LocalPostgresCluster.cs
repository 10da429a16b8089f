using System.Security.Cryptography;
using System.Text;

namespace LruAspire.AppHost.Postgres;

/// <summary>
/// Prepares a local PostgreSQL data directory: initialises it once with password (SCRAM) authentication and,
/// on every later start, makes the superuser's password match the AppHost's secret parameter.
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

    public static bool RunningAsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    public string DataDirectory { get; } = dataDirectory;

    public string ServerPath => Path.Combine(binDirectory, "postgres");

    /// <summary>The command and leading arguments that start <paramref name="program"/> as the right OS user.</summary>
    public static (string Command, string[] Prefix) AsServiceUser(string program) => RunningAsRoot
        ? ("setpriv", ["--reuid=" + ServiceAccount, "--regid=" + ServiceAccount, "--init-groups", "--", program])
        : (program, []);

    public async Task EnsureReadyAsync(string password, CancellationToken cancellationToken)
    {
        var marker = Path.Combine(DataDirectory, PasswordMarkerFile);
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
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
        Directory.CreateDirectory(DataDirectory);
        var passwordFile = DataDirectory.TrimEnd('/') + ".pwfile";
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            // initdb insists on a data directory only its owner can enter.
            File.SetUnixFileMode(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        try
        {
            if (RunningAsRoot)
            {
                await ProcessRunner.RunCheckedAsync("chown", [$"{ServiceAccount}:{ServiceAccount}", DataDirectory, passwordFile], cancellationToken: cancellationToken);
            }

            var (command, prefix) = AsServiceUser(Path.Combine(binDirectory, "initdb"));
            await ProcessRunner.RunCheckedAsync(command,
            [
                .. prefix, "--pgdata", DataDirectory, "--username", LocalPostgresServerResource.UserName,
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
        await ProcessRunner.RunCheckedAsync(command, [.. prefix, "--single", "-D", DataDirectory, "postgres"],
            standardInput: $"ALTER ROLE {LocalPostgresServerResource.UserName} WITH PASSWORD '{literal}';\n",
            cancellationToken: cancellationToken);
    }

    private static string Hash(string password) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}
