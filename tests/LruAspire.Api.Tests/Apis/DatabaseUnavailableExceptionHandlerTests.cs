using System.Net.Sockets;
using System.Text;
using LruAspire.Api.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LruAspire.Api.Tests.Apis;

public class DatabaseUnavailableExceptionHandlerTests
{
    [Fact]
    public async Task Open_circuit_becomes_503_problem_details_with_the_remaining_break_as_Retry_After()
    {
        var context = NewContext();
        var handler = new DatabaseUnavailableExceptionHandler(NullLogger<DatabaseUnavailableExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, new BrokenCircuitException(TimeSpan.FromMilliseconds(1_200)), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("2", context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
        var body = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.Contains("\"status\":503", body);
        Assert.DoesNotContain("Exception", body);
    }

    [Fact]
    public void Timeouts_and_transient_database_errors_are_unavailability()
    {
        Assert.NotNull(DatabaseUnavailableExceptionHandler.RetryAfter(new TimeoutRejectedException()));
        Assert.NotNull(DatabaseUnavailableExceptionHandler.RetryAfter(
            new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
    }

    [Fact]
    public async Task Other_errors_are_left_to_the_default_500_handler()
    {
        var context = NewContext();
        var handler = new DatabaseUnavailableExceptionHandler(NullLogger<DatabaseUnavailableExceptionHandler>.Instance);

        Assert.False(await handler.TryHandleAsync(context, new InvalidOperationException(), CancellationToken.None));
        Assert.False(await handler.TryHandleAsync(context, new NpgsqlException("not transient"), CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    private static DefaultHttpContext NewContext() => new()
    {
        RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };
}
