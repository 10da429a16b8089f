using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace LruAspire.FunctionalTests;

/// <summary>Reads and bounded waits against one API replica's own address.</summary>
internal static class Replica
{
    private static readonly TimeSpan BoundedWait = TimeSpan.FromSeconds(5);

    /// <summary>Reads the key twice and asserts the second read was a cache hit with <paramref name="value"/>.</summary>
    public static async Task AssertCachedAsync(HttpClient replica, long key, string value)
    {
        (await replica.GetAsync($"/data/{key}")).Dispose();
        using var response = await replica.GetAsync($"/data/{key}");
        Assert.Equal("HIT", Assert.Single(response.Headers.GetValues("X-Cache")));
        Assert.Equal(value, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
    }

    public static async Task<string?> ReadValueAsync(HttpClient replica, long key)
    {
        using var response = await replica.GetAsync($"/data/{key}");
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString()
            : null;
    }

    /// <summary>Polls <paramref name="condition"/> every 10 ms; fails the test if it is not met within 5 s.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < BoundedWait, $"Condition not met within {BoundedWait}.");
            await Task.Delay(10);
        }
    }
}
