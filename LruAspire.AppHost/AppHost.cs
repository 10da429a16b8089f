using LruAspire.AppHost.LoadGen;
using LruAspire.AppHost.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var builder = DistributedApplication.CreateBuilder(args);

var lrudb = await builder.AddPostgresContainerOrLocalAsync(serverName: "postgres", databaseName: "lrudb");

// Generated once per machine for local runs (kept in user secrets); supplied as a secret at deploy time.
var writeKey = builder.AddResource(ParameterResourceBuilderExtensions.CreateGeneratedParameter(
    builder, "api-write-key", secret: true, new GenerateParameterDefault { MinLength = 32, Special = false }));

// Several replicas by default when running locally, so cross-replica invalidation is always exercised and the
// dashboard shows each replica's cache metrics. Aspire's proxy pins each connection to one replica.
var apiReplicas = builder.Configuration.GetValue("Api:Replicas", builder.ExecutionContext.IsRunMode ? 2 : 1);

var api = builder.AddProject<Projects.LruAspire_Api>("api")
    .WithReference(lrudb)
    .WaitFor(lrudb)
    .WithEnvironment("Api__WriteKey", writeKey)
    .WithReplicas(apiReplicas)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.AddProject<Projects.LruAspire_LoadGen>("loadgen")
    .ExcludeFromManifest() // a local tool: a deployment must not send synthetic traffic
    .WithReference(api)
    .WaitFor(api)
    .WithEnvironment("Load__WriteKey", writeKey) // the "mixed" scenario's PUTs
    .WithLoadRunCommands();

var app = builder.Build();
// The write key is a secret: say where to find it, never print it.
app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LruAspire.AppHost").LogInformation(
    "PUT and DELETE need the X-Api-Key header: the dashboard's Parameters tab shows it (api-write-key, eye icon), and so does 'dotnet user-secrets list --project LruAspire.AppHost'.");
await app.RunAsync();
