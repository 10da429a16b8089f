using System.Text.Json;

namespace LruAspire.FunctionalTests;

/// <summary>The deployment manifest's shape: standard container PostgreSQL, no local executables, secrets as parameters.</summary>
[Collection(PublishManifestCollection.Name)]
public sealed class PublishManifestTests(PublishedManifest manifest) : IClassFixture<PublishedManifest>
{
    private JsonElement Resources => manifest.Resources;

    [Fact]
    public void Postgres_is_the_standard_container_with_a_data_volume()
    {
        var postgres = Resource("postgres");

        Assert.Equal("container.v0", Type(postgres));
        Assert.StartsWith("docker.io/library/postgres:", postgres.GetProperty("image").GetString());
        var volume = Assert.Single(postgres.GetProperty("volumes").EnumerateArray());
        Assert.Equal("postgres-data", volume.GetProperty("name").GetString());
        Assert.StartsWith("/var/lib/postgresql", volume.GetProperty("target").GetString());
        Assert.False(volume.GetProperty("readOnly").GetBoolean());
    }

    [Fact]
    public void Lrudb_is_a_database_on_the_postgres_server()
    {
        var lrudb = Resource("lrudb");

        Assert.Equal("value.v0", Type(lrudb));
        Assert.Equal("{postgres.connectionString};Database=lrudb", lrudb.GetProperty("connectionString").GetString());
    }

    [Fact]
    public void Api_is_a_project_that_references_lrudb_and_is_reachable_from_outside()
    {
        var api = Resource("api");

        Assert.Equal("project.v0", Type(api));
        Assert.EndsWith("LruAspire.Api.csproj", api.GetProperty("path").GetString());
        Assert.Equal("{lrudb.connectionString}", api.GetProperty("env").GetProperty("ConnectionStrings__lrudb").GetString());
        Assert.True(api.GetProperty("bindings").GetProperty("http").GetProperty("external").GetBoolean());
    }

    [Fact]
    public void Load_generator_is_not_deployed()
    {
        Assert.False(Resources.TryGetProperty("loadgen", out _));
    }

    [Fact]
    public void Nothing_is_an_executable()
    {
        // The local-PostgreSQL mode is an executable resource; it must never reach a deployment.
        var types = Resources.EnumerateObject().Select(r => Type(r.Value)).ToList();

        Assert.DoesNotContain(types, type => type.StartsWith("executable", StringComparison.Ordinal));
        Assert.Contains("container.v0", types);
    }

    [Fact]
    public void The_postgres_password_is_a_secret_parameter_not_a_literal()
    {
        var password = Resource("postgres-password");
        var input = password.GetProperty("inputs").GetProperty("value");

        Assert.Equal("parameter.v0", Type(password));
        Assert.True(input.GetProperty("secret").GetBoolean());
        Assert.True(input.GetProperty("default").TryGetProperty("generate", out _));
        Assert.Equal("{postgres-password.value}", Resource("postgres").GetProperty("env").GetProperty("POSTGRES_PASSWORD").GetString());
        Assert.Contains("Password={postgres-password.value}", Resource("postgres").GetProperty("connectionString").GetString());
    }

    [Fact]
    public void Every_secret_parameter_is_referenced_never_inlined()
    {
        // Any value that is not a {placeholder} would be a literal baked into the deployment.
        var secretParameters = Resources.EnumerateObject()
            .Where(r => Type(r.Value) == "parameter.v0"
                && r.Value.GetProperty("inputs").GetProperty("value").TryGetProperty("secret", out var secret)
                && secret.GetBoolean())
            .Select(r => r.Name)
            .ToList();

        Assert.NotEmpty(secretParameters);
        foreach (var name in secretParameters)
        {
            Assert.Equal($"{{{name}.inputs.value}}", Resource(name).GetProperty("value").GetString());
        }
        string[] secretWords = ["PASSWORD", "KEY", "SECRET"];
        var literalSecrets = Resources.EnumerateObject()
            .Where(r => r.Value.TryGetProperty("env", out _))
            .SelectMany(r => r.Value.GetProperty("env").EnumerateObject().Select(variable => (Resource: r.Name, Variable: variable)))
            .Where(e => secretWords.Any(word => e.Variable.Name.Contains(word, StringComparison.OrdinalIgnoreCase))
                && !e.Variable.Value.GetString()!.StartsWith('{'))
            .Select(e => $"{e.Resource}.{e.Variable.Name}");
        Assert.Empty(literalSecrets);
    }

    private JsonElement Resource(string name) =>
        Resources.TryGetProperty(name, out var resource) ? resource : throw new Xunit.Sdk.XunitException($"The manifest has no resource '{name}'.");

    private static string Type(JsonElement resource) => resource.GetProperty("type").GetString()!;
}

/// <summary>
/// Runs on its own, after the app collection: building a second AppHost in the same process must not compete
/// for CPU with the shared app's short load-generator run, which a test counts on.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublishManifestCollection
{
    public const string Name = "Published manifest";
}
