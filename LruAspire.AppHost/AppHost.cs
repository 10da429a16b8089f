using LruAspire.AppHost.LoadGen;
using LruAspire.AppHost.Postgres;

var builder = DistributedApplication.CreateBuilder(args);

var lrudb = builder.AddPostgresDatabase(serverName: "postgres", databaseName: "lrudb");

var api = builder.AddProject<Projects.LruAspire_Api>("api")
    .WithReference(lrudb)
    .WaitFor(lrudb)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.LruAspire_LoadGen>("loadgen")
    .WithReference(api)
    .WaitFor(api)
    .WithLoadRunCommands();

builder.Build().Run();
