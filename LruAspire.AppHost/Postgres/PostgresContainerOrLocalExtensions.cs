using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace LruAspire.AppHost.Postgres;

/// <summary>Adds PostgreSQL the way this machine can run it: Aspire's container, or the machine's own binaries.</summary>
public static class PostgresContainerOrLocalExtensions
{
    /// <summary>
    /// Adds the PostgreSQL server <paramref name="serverName"/> with its database <paramref name="databaseName"/>
    /// and returns the database, whose connection string has the same shape either way.
    /// </summary>
    /// <remarks>
    /// Named apart from Aspire's <c>AddPostgres(...).AddDatabase(...)</c> because, unlike Aspire's, it first decides
    /// where the server runs, from <c>Postgres:Mode</c> (<see cref="PostgresSettings"/>): <c>container</c> is
    /// Aspire's own PostgreSQL container; <c>local</c> runs the machine's binaries as an executable resource
    /// (<see cref="LocalPostgresServerResource"/>); <c>auto</c>, the default, asks the container runtime once and
    /// falls back to the local binaries. It is asynchronous because deciding runs those probes (processes).
    /// Publishing always uses the container without probing, so a deployment manifest never depends on the
    /// developer's machine.
    /// </remarks>
    /// <exception cref="DistributedApplicationException">
    /// <c>Postgres:Mode</c> is invalid, or the chosen way (or, in auto mode, both ways) is not available here.
    /// </exception>
    public static async Task<IResourceBuilder<IResourceWithConnectionString>> AddPostgresContainerOrLocalAsync(
        this IDistributedApplicationBuilder builder, string serverName, string databaseName, CancellationToken cancellationToken = default)
    {
        var settings = PostgresSettings.From(builder.Configuration);
        var password = builder.AddResource(
            ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{serverName}-password"));

        var localBinDirectory = builder.ExecutionContext.IsPublishMode
            ? null
            : await ChooseLocalBinDirectoryAsync(settings, builder.Configuration, cancellationToken);
        if (localBinDirectory is null)
        {
            // A published volume gets a fixed name: the default one hashes the AppHost's path, so a deployment
            // from another checkout would get a new, empty volume.
            return builder.AddPostgres(serverName, password: password)
                .WithDataVolume(builder.ExecutionContext.IsPublishMode ? $"{serverName}-data" : null)
                .AddDatabase(databaseName);
        }

        var dataDirectory = settings.DataDirectory ?? DefaultDataDirectory(builder.AppHostDirectory);
        return builder.AddLocalPostgres(serverName, password.Resource, localBinDirectory, dataDirectory).AddDatabase(databaseName);
    }

    /// <summary>The local server binaries to run, or null when the container is to be used.</summary>
    private static async Task<string?> ChooseLocalBinDirectoryAsync(PostgresSettings settings, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (settings.Mode == PostgresMode.Container
            || (settings.Mode == PostgresMode.Auto && await ContainerRuntimeAnswersAsync(configuration, cancellationToken)))
        {
            return null;
        }
        return await LocalPostgresCluster.FindBinDirectoryAsync(settings.BinDirectory, cancellationToken)
            ?? throw NoPostgres(settings);
    }

    /// <summary>Asks the configured container runtime (docker by default, as Aspire does) whether its engine answers.</summary>
    private static async Task<bool> ContainerRuntimeAnswersAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var runtime = configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker";
        try
        {
            // "info" needs the engine, unlike "--version", which only needs the client.
            var result = await ProcessRunner.RunAsync(runtime, ["info", "--format", "{{.ServerVersion}}"],
                timeout: TimeSpan.FromSeconds(15), cancellationToken: cancellationToken);
            return result.ExitCode == 0;
        }
        catch (Exception ex) when (ex is Win32Exception or TimeoutException)
        {
            return false; // not installed, or the engine does not answer
        }
    }

    /// <summary>One folder per checkout, outside the user's home so the postgres OS user can reach it.</summary>
    private static string DefaultDataDirectory(string appHostDirectory)
    {
        var checkout = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(appHostDirectory)))[..12].ToLowerInvariant();
        return Path.Combine("/var/tmp/lruaspire", $"pgdata-{checkout}");
    }

    private static DistributedApplicationException NoPostgres(PostgresSettings settings) => new(
        (settings.Mode == PostgresMode.Local
            ? "PostgreSQL is not available: Postgres:Mode is local but no local PostgreSQL server binaries were found"
            : "PostgreSQL is not available: no container runtime answered and no local PostgreSQL server binaries were found")
        + (settings.BinDirectory is null ? "" : $" in Postgres:BinDirectory '{settings.BinDirectory}'")
        + ". Start Docker or Podman, or install PostgreSQL (e.g. 'apt-get install postgresql'), "
        + "or set Postgres:BinDirectory to the folder that contains initdb and postgres.");
}
