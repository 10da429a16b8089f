namespace LruAspire.AppHost.Postgres;

/// <summary>
/// PostgreSQL run from the machine's own binaries as an Aspire executable. It exposes the same kind of
/// connection string as Aspire's container resource, so the API cannot tell the two apart.
/// </summary>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, ParameterResource password, string dataDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string UserName = "postgres";

    private EndpointReference? _primaryEndpoint;

    public ParameterResource PasswordParameter { get; } = password;

    public string DataDirectory { get; } = dataDirectory;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create(
            $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");
}
