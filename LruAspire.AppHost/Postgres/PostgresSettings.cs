using Microsoft.Extensions.Configuration;

namespace LruAspire.AppHost.Postgres;

/// <summary>How the AppHost provides PostgreSQL (configuration key <c>Postgres:Mode</c>).</summary>
public enum PostgresMode
{
    /// <summary>A container when a container runtime answers, otherwise the machine's own PostgreSQL.</summary>
    Auto,

    /// <summary>The standard Aspire PostgreSQL container (always used when publishing).</summary>
    Container,

    /// <summary>The machine's PostgreSQL binaries, run by the AppHost as an executable resource.</summary>
    Local,
}

/// <summary>The AppHost's <c>Postgres</c> configuration section.</summary>
/// <param name="Mode">auto, container or local.</param>
/// <param name="BinDirectory">Where initdb and postgres live; found automatically when empty.</param>
/// <param name="DataDirectory">The local cluster's data directory; a per-checkout folder under /var/tmp when empty.</param>
internal sealed record PostgresSettings(PostgresMode Mode, string? BinDirectory, string? DataDirectory)
{
    public const string SectionName = "Postgres";

    /// <exception cref="DistributedApplicationException"><c>Postgres:Mode</c> is not auto, container or local.</exception>
    public static PostgresSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var modeText = section["Mode"];
        var mode = PostgresMode.Auto;
        if (!string.IsNullOrWhiteSpace(modeText) && !Enum.TryParse(modeText, ignoreCase: true, out mode))
        {
            throw new DistributedApplicationException(
                $"Postgres:Mode is '{modeText}'; use one of: auto, container, local.");
        }
        return new PostgresSettings(mode, Blank(section["BinDirectory"]), Blank(section["DataDirectory"]));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
