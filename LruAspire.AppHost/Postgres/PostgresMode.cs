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
