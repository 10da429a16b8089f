using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace LruAspire.LoadGen.CacheApi;

/// <summary>
/// The load generator's typed client for the cache API. Its base address is the API it was given (the
/// AppHost's reference, resolved by service discovery), and requests only ever go there.
/// </summary>
public sealed class ApiClient(HttpClient http, IOptions<LoadOptions> options)
{
    public const string ApiKeyHeader = "X-Api-Key";

    private static readonly System.Net.Http.Headers.CacheControlHeaderValue NoCache = new() { NoCache = true };

    public Uri? BaseAddress => http.BaseAddress;

    /// <summary>Sends one request and reads the whole response; transport failures become status 0, never exceptions.</summary>
    public async Task<ApiResponse> SendAsync(LoadRequest request, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(request);
        try
        {
            // Buffering the body (the default completion option) makes the latency the full response time.
            using var response = await http.SendAsync(message, cancellationToken);
            return new ApiResponse((int)response.StatusCode, ReadCacheHeader(response));
        }
        catch (HttpRequestException)
        {
            return ApiResponse.TransportFailure;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed: the API did not answer in time.
            return ApiResponse.TransportFailure;
        }
    }

    /// <summary>The API's cache counters, or null when <c>/metrics</c> cannot be read (the run still goes ahead).</summary>
    public async Task<ApiCacheMetrics?> GetMetricsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetFromJsonAsync("/metrics", ApiJsonContext.Default.ApiCacheMetrics, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException
                                       or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private HttpRequestMessage CreateMessage(LoadRequest request)
    {
        var path = "/data/" + request.Key.ToString(CultureInfo.InvariantCulture);
        switch (request.Kind)
        {
            case RequestKind.Write:
                // Writes put the seeded value back, so reads keep seeing "value-N" and runs stay repeatable.
                var body = new WriteBody("value-" + request.Key.ToString(CultureInfo.InvariantCulture));
                var put = new HttpRequestMessage(HttpMethod.Put, path)
                {
                    Content = JsonContent.Create(body, ApiJsonContext.Default.WriteBody),
                };
                if (options.Value.WriteKey is { Length: > 0 } key)
                {
                    put.Headers.Add(ApiKeyHeader, key);
                }
                return put;
            case RequestKind.DatabaseRead:
                var bypass = new HttpRequestMessage(HttpMethod.Get, path);
                bypass.Headers.CacheControl = NoCache;
                return bypass;
            default:
                return new HttpRequestMessage(HttpMethod.Get, path);
        }
    }

    private static CacheHeader ReadCacheHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Cache", out var values) ? values.FirstOrDefault() switch
        {
            "HIT" => CacheHeader.Hit,
            "MISS" => CacheHeader.Miss,
            "COALESCED" => CacheHeader.Coalesced,
            "BYPASS" => CacheHeader.Bypass,
            _ => CacheHeader.None,
        } : CacheHeader.None;
}
