using System.Globalization;
using LruAspire.HybridPeer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Hybrid;
using Npgsql;

// The peer of benchmarks/e2e/run.sh: what a .NET developer would write instead of LruAspire for the same
// GET /data/{key} — a minimal API, HybridCache with its defaults (an in-memory L1 and no L2, so an unbounded
// MemoryCache whose entries live 5 minutes) over a plain NpgsqlDataSource. Same table and JSON as LruAspire.Api;
// the API creates and seeds the table, the peer only reads it.
var builder = WebApplication.CreateBuilder(args);

// No telemetry and no per-request logging: ASP.NET Core creates an Activity and a log scope per request when its
// hosting logger is enabled at any level, so that category is off; warnings and errors still reach the console.
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

var connectionString = builder.Configuration.GetConnectionString("lrudb")
    ?? throw new InvalidOperationException("Set ConnectionStrings:lrudb (e.g. ConnectionStrings__lrudb) to the PostgreSQL database.");
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
builder.Services.AddHybridCache();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, PeerJsonContext.Default));

var app = builder.Build();

app.MapGet("/data/{key}", async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> (
    string key, HybridCache cache, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
{
    if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
    {
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid key",
            detail: "The key must be a positive 64-bit integer written in decimal digits.");
    }

    // A string is immutable, so HybridCache's L1 hands back the cached instance without deserializing it.
    var value = await cache.GetOrCreateAsync(
        $"item:{id}",
        (dataSource, id),
        static async (state, token) => await ItemQuery.ReadValueAsync(state.dataSource, state.id, token),
        cancellationToken: cancellationToken);

    return value is null
        ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Item not found", detail: $"No item has key {id}.")
        : TypedResults.Ok(new ItemResponse(id, value));
});
app.MapGet("/health", () => "Healthy");

app.Run();
