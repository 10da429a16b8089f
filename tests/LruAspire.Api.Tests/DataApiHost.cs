using LruAspire.Api.Apis;
using LruAspire.Api.Infrastructure;
using LruAspire.Api.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LruAspire.Api.Tests;

/// <summary>
/// The API's real endpoint pipeline (routing, filters, ProblemDetails, JSON) on an in-process test server, over
/// an in-memory item store instead of PostgreSQL.
/// </summary>
internal sealed class DataApiHost : IAsyncDisposable
{
    public const string WriteKey = "test-write-key-0123456789";
    public const int MaxValueBytes = 64;

    private readonly WebApplication _app;

    private DataApiHost(WebApplication app, InMemoryItemStore store)
    {
        _app = app;
        Store = store;
        Client = app.GetTestClient();
    }

    public InMemoryItemStore Store { get; }

    public HttpClient Client { get; }

    public static async Task<DataApiHost> StartAsync(string? writeKey = WriteKey)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Api:MaxValueBytes"] = MaxValueBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Api:WriteKey"] = writeKey;

        var store = new InMemoryItemStore().With(1, "value-1");
        builder.Services.AddSingleton<IItemStore>(store);
        builder.AddCacheService();
        builder.AddDataApi();
        builder.Services.AddProblemDetails();
        builder.Services.AddApiJson();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapDataApi();
        await app.StartAsync();
        return new DataApiHost(app, store);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
