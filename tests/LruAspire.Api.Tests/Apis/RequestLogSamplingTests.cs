using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LruAspire.Api.Tests.Apis;

/// <summary>
/// The seed's per-request lines in Development, end to end: the API as composed, with the configuration of
/// <c>appsettings.Development.json</c>, behind a real tracer provider. A request nobody decided about (curl, a
/// browser) is traced and logs its lines; a request whose caller chose not to trace it (the load generator, 99 %
/// of the time) logs none.
/// </summary>
[Collection(GlobalActivityListenersCollection.Name)]
public sealed class RequestLogSamplingTests : IAsyncLifetime
{
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    private FakeLogCollector Logs => _factory.Services.GetFakeLogCollector();

    public Task InitializeAsync()
    {
        _factory = new ApiFactory(ApiFactory.WriteKey).WithWebHostBuilder(web => web
            .UseEnvironment("Development")
            .ConfigureTestServices(services => services.AddLogging(logging => logging.AddFakeLogging())));
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_request_without_a_caller_decision_logs_the_seeds_lines()
    {
        await GetAsync("/data/1", traceparent: null);
        await GetAsync("/data/1", traceparent: null);

        Assert.Equal(["API REQUEST for key: 1", "CACHE MISS 1", "DB FETCH 1", "API REQUEST for key: 1", "CACHE HIT 1"], RequestLines());
    }

    [Fact]
    public async Task A_request_its_caller_traced_logs_the_seeds_lines()
    {
        await GetAsync("/data/1", Traceparent(sampled: true));

        Assert.Equal(["API REQUEST for key: 1", "CACHE MISS 1", "DB FETCH 1"], RequestLines());
    }

    [Fact]
    public async Task A_request_its_caller_did_not_trace_logs_none_of_them()
    {
        await GetAsync("/data/1", Traceparent(sampled: false));
        await GetAsync("/data/1", Traceparent(sampled: false));

        Assert.Empty(RequestLines());
        Assert.Equal(1, _factory.Services.GetRequiredService<LruAspire.Api.Cache.CacheService>().Statistics.Hits); // the requests did run
    }

    private async Task GetAsync(string path, string? traceparent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (traceparent is not null)
        {
            request.Headers.Add("traceparent", traceparent);
        }
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private List<string> RequestLines() =>
        [.. Logs.GetSnapshot()
            .Where(r => r.Level == LogLevel.Debug && r.Category?.StartsWith("LruAspire.Api", StringComparison.Ordinal) == true)
            .Select(r => r.Message)];

    private static string Traceparent(bool sampled) =>
        $"00-{System.Diagnostics.ActivityTraceId.CreateRandom()}-{System.Diagnostics.ActivitySpanId.CreateRandom()}-{(sampled ? "01" : "00")}";
}

/// <summary>
/// Tests whose outcome depends on which activities are recorded. Activity listeners are process-wide, and another
/// test's listener that records every activity of a source would record these too, so they run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalActivityListenersCollection
{
    public const string Name = "Global activity listeners";
}
