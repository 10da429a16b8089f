using System.Net.Sockets;
using System.Text;
using LruAspire.Api.Apis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LruAspire.Api.Tests.Apis;

/// <summary>
/// Bodies Kestrel cannot read, on real Kestrel over a socket (the in-process test server has no framing to break):
/// a client that stops or vanishes mid-body was once a 500 with an error-level stack trace (issue 13). Now such a
/// request gets its own 4xx as ProblemDetails while the client is there to read it, is logged at Debug, and writes
/// nothing.
/// </summary>
public sealed class UnreadableRequestTests : IAsyncLifetime
{
    private const string Body = """{"value":"cut off""";

    private ApiFactory _host = null!;
    private FakeLogCollector _logs = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _host = new ApiFactory(ApiFactory.WriteKey, web => web
            .UseSetting("Logging:LogLevel:Default", "Debug")
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug")
            // Debug logs follow the trace sampling decision; record every trace so none is sampled away.
            .UseSetting("OpenTelemetry:Tracing:SampleRatio", "1")
            .ConfigureLogging(logging => logging.AddFakeLogging()));
        _host.UseKestrel(0);
        _host.StartServer();
        _logs = _host.Services.GetFakeLogCollector();
        _address = new Uri(_host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_malformed_chunked_body_is_400_problem_details_logged_at_debug_without_a_stack_trace()
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync(Encoding.ASCII.GetBytes(PutHead("Transfer-Encoding: chunked") + "zz\r\n" + Body + "\r\n0\r\n\r\n"));

        var response = await ReadToEndAsync(socket);

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"status\":400", response, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", response, StringComparison.Ordinal);
        Assert.Null(_host.Store[880100]);
        var logged = await WaitForAsync(r => r.Category == typeof(UnreadableRequestExceptionHandler).FullName);
        Assert.Equal(LogLevel.Debug, logged.Level);
        Assert.Contains("chunk", logged.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(logged.Exception);
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_body_shorter_than_its_Content_Length_is_never_a_500_nor_an_error_and_writes_nothing()
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync(Encoding.ASCII.GetBytes(PutHead("Content-Length: 100") + Body));
        socket.Shutdown(SocketShutdown.Send); // the client is done, 80 bytes short (Kestrel takes it for gone)

        var response = await ReadToEndAsync(socket);
        await WaitForCountAsync(r => r.Message.StartsWith("Request finished", StringComparison.Ordinal), 1);

        Assert.DoesNotContain(" 500 ", response, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        Assert.Null(_host.Store[880100]);
    }

    [Fact]
    public async Task Clients_that_reset_the_connection_mid_body_are_not_logged_as_errors()
    {
        // The reset can reach the body read before or after Kestrel marks the request aborted; repeat to see both.
        const int clients = 20;
        for (var i = 0; i < clients; i++)
        {
            using var socket = await ConnectAsync();
            await socket.SendAsync(Encoding.ASCII.GetBytes(PutHead("Content-Length: 100") + Body));
            // A reset before Kestrel has parsed the head is no request at all, so none would finish: on a loaded
            // machine a fixed 50 ms was sometimes too short for Kestrel to get that far.
            await WaitForCountAsync(r => r.Message.StartsWith("Request starting", StringComparison.Ordinal), i + 1);
            await Task.Delay(50); // let the server start reading the body
            socket.LingerState = new LingerOption(true, 0); // close with RST, as a killed process does
        }

        await WaitForCountAsync(r => r.Message.StartsWith("Request finished", StringComparison.Ordinal), clients);

        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        Assert.Null(_host.Store[880100]);
    }

    [Fact]
    public async Task The_handler_maps_the_whole_family_to_its_own_4xx_a_reset_to_499_and_leaves_other_exceptions_alone()
    {
        var handler = new UnreadableRequestExceptionHandler(new FakeLogger<UnreadableRequestExceptionHandler>());
        var timeout = NewContext();
        var reset = NewContext();
        var notOurs = NewContext();

        Assert.True(await handler.TryHandleAsync(timeout, new BadHttpRequestException("Reading the request body timed out.", StatusCodes.Status408RequestTimeout), CancellationToken.None));
        Assert.True(await handler.TryHandleAsync(reset, new ConnectionResetException("Connection reset by peer"), CancellationToken.None));
        Assert.False(await handler.TryHandleAsync(notOurs, new InvalidOperationException(), CancellationToken.None));

        Assert.Equal(StatusCodes.Status408RequestTimeout, timeout.Response.StatusCode);
        Assert.StartsWith("application/problem+json", timeout.Response.ContentType, StringComparison.Ordinal);
        Assert.Contains("\"status\":408", Encoding.UTF8.GetString(((MemoryStream)timeout.Response.Body).ToArray()), StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status499ClientClosedRequest, reset.Response.StatusCode);
        Assert.Equal(0, reset.Response.Body.Length); // nobody is there to read one
        Assert.Equal(StatusCodes.Status200OK, notOurs.Response.StatusCode);
    }

    private static DefaultHttpContext NewContext() => new()
    {
        RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };

    private static string PutHead(string framing) =>
        "PUT /data/880100 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
        $"{WriteKeyFilter.HeaderName}: {ApiFactory.WriteKey}\r\n{framing}\r\n\r\n";

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(_address.Host, _address.Port);
        return socket;
    }

    private static async Task<string> ReadToEndAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        var text = new StringBuilder();
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            // The server may close a connection it will not read further with a reset; what came before stands.
        }
        return text.ToString();
    }

    private async Task WaitForCountAsync(Func<FakeLogRecord, bool> match, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_logs.GetSnapshot().Count(match) < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private async Task<FakeLogRecord> WaitForAsync(Func<FakeLogRecord, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (_logs.GetSnapshot().FirstOrDefault(match) is { } record)
            {
                return record;
            }
            await Task.Delay(20, timeout.Token);
        }
    }
}
