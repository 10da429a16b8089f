using System.Net;
using LruAspire.LoadGen.CacheApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LruAspire.LoadGen.Tests;

/// <summary>
/// The revalidate scenario's client cache against a real server with the API's validator behaviour: the first
/// read stores the body and ETag, later reads send If-None-Match, and a 304 reaches the caller as the stored 200.
/// </summary>
public sealed class RevalidatingHandlerTests : IAsyncLifetime
{
    private WebApplication _origin = null!;
    private string _etag = "\"1\"";
    private int _bodiesSent;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _origin = builder.Build();
        _origin.MapGet("/data/{key:long}", (long key, HttpContext context) =>
        {
            context.Response.Headers.ETag = _etag;
            context.Response.Headers["X-Cache"] = "HIT";
            if (context.Request.Headers.IfNoneMatch == _etag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            Interlocked.Increment(ref _bodiesSent);
            return Results.Text($$"""{"key":{{key}},"value":"value-{{key}}"}""", "application/json");
        });
        await _origin.StartAsync();
    }

    public async Task DisposeAsync() => await _origin.DisposeAsync();

    [Fact]
    public async Task A_304_reaches_the_caller_as_the_stored_200_and_a_changed_tag_refreshes_the_copy()
    {
        var address = new Uri(_origin.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var handler = new RevalidatingHandler { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(handler) { BaseAddress = address };
        var api = new ApiClient(http, Options.Create(new LoadOptions()));

        var first = await api.SendAsync(new LoadRequest(RequestKind.Read, 5), CancellationToken.None);
        using var revalidated = await http.GetAsync("/data/5");
        var body = await revalidated.Content.ReadAsStringAsync();
        _etag = "\"2\""; // a write elsewhere
        var afterWrite = await api.SendAsync(new LoadRequest(RequestKind.Read, 5), CancellationToken.None);
        var again = await api.SendAsync(new LoadRequest(RequestKind.Read, 5), CancellationToken.None);

        Assert.Equal((200, CacheHeader.Hit), (first.StatusCode, first.Cache));
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.Equal("""{"key":5,"value":"value-5"}""", body);
        Assert.Equal("application/json", revalidated.Content.Headers.ContentType?.MediaType);
        Assert.Equal("\"1\"", revalidated.Headers.ETag?.ToString()); // the 304's own headers
        Assert.Equal(200, afterWrite.StatusCode);
        Assert.Equal(200, again.StatusCode);
        Assert.Equal(3, handler.Revalidations);  // every read after the first
        Assert.Equal(2, handler.NotModified);     // all but the one after the tag changed
        Assert.Equal(2, _bodiesSent);             // the first read and the one after the write
    }
}
