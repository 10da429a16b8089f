using LruAspire.AppHost.Postgres;

var builder = DistributedApplication.CreateBuilder(args);

var lrudb = builder.AddPostgresDatabase(serverName: "postgres", databaseName: "lrudb");

var api = builder.AddProject<Projects.LruAspire_Api>("api")
    .WithReference(lrudb)
    .WaitFor(lrudb)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.AddProject<Projects.LruAspire_LoadGen>("loadgen")
    .ExcludeFromManifest() // a local tool: a deployment must not send synthetic traffic
    .WithReference(api)
    .WaitFor(api);

builder.Build().Run();
