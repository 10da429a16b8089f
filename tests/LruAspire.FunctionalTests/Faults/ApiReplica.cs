using System.Net.Http.Json;
using System.Text.Json;

namespace LruAspire.FunctionalTests.Faults;

/// <summary>One API replica: its DCP resource name, its own address and its process.</summary>
public sealed class ApiReplica(string resourceId, Uri address, int processId) : IDisposable
{
    public string ResourceId { get; } = resourceId;

    public Uri Address { get; } = address;

    public int ProcessId { get; } = processId;

    public HttpClient Client { get; } = new() { BaseAddress = address };

    /// <summary>The body of <c>/health</c>: Healthy, Degraded or Unhealthy.</summary>
    public async Task<string> HealthAsync()
    {
        using var response = await Client.GetAsync("/health");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Reads a key: the status, the value (null unless 200) and the <c>X-Cache</c> header.</summary>
    public async Task<(HttpStatusCode Status, string? Value, string? Cache)> ReadAsync(long key)
    {
        using var response = await Client.GetAsync($"/data/{key}");
        var value = response.StatusCode == HttpStatusCode.OK
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString()
            : null;
        return (response.StatusCode, value, response.Headers.TryGetValues("X-Cache", out var cache) ? cache.Single() : null);
    }

    public async Task<HttpStatusCode> WriteAsync(long key, string value, string writeKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/data/{key}") { Content = JsonContent.Create(new { value }) };
        request.Headers.Add("X-Api-Key", writeKey);
        using var response = await Client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>
    /// Aspire's health for a replica comes from checks through the shared proxy; ask the replica itself.
    /// </summary>
    public async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var response = await Client.GetAsync("/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    public void Dispose() => Client.Dispose();
}
