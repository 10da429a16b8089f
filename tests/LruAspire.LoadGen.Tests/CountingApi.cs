using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LruAspire.LoadGen.Tests;

/// <summary>
/// A real HTTP server on a loopback port speaking the API's read contract (GET /data/{key} with X-Cache, GET
/// /metrics), that counts what it receives, so the scenario engine can be tested over real sockets in-process.
/// The first read of a key is a MISS, the second COALESCED (as if it had shared the first one's database read),
/// later reads are HITs.
/// </summary>
public sealed class CountingApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentDictionary<long, int> ReadsPerKey { get; } = new();

    public Uri BaseAddress { get; }

    private CountingApi(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public int TotalReads => ReadsPerKey.Values.Sum();

    public static async Task<CountingApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        CountingApi? api = null;
        app.MapGet("/data/{key:long}", (long key, HttpContext context) =>
        {
            var reads = api!.ReadsPerKey.AddOrUpdate(key, 1, (_, n) => n + 1);
            context.Response.Headers["X-Cache"] = reads switch { 1 => "MISS", 2 => "COALESCED", _ => "HIT" };
            return Results.Text($$"""{"key":{{key}},"value":"value-{{key}}"}""", "application/json");
        });
        app.MapGet("/metrics", () => Results.Text("""{"hits":0,"misses":0,"hit_rate":0,"evictions":0,"count":0,"capacity":1000}""", "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        api = new CountingApi(app, new Uri(address));
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
