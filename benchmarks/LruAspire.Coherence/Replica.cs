using System.Net.Http.Json;
using System.Text.Json;

namespace LruAspire.Coherence;

/// <summary>Reads from one API replica.</summary>
internal static class Replica
{
    /// <summary>Reads the key until the replica answers from its cache, so the next write has something to invalidate.</summary>
    public static async Task PrimeAsync(HttpClient replica, long key)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await replica.GetAsync($"/data/{key}");
            if (response.Headers.TryGetValues("X-Cache", out var cache) && cache.Contains("HIT"))
            {
                return;
            }
        }
    }

    public static async Task<string?> ReadValueAsync(HttpClient replica, long key)
    {
        using var response = await replica.GetAsync($"/data/{key}");
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString()
            : null;
    }
}
