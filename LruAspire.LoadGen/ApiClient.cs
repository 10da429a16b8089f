namespace LruAspire.LoadGen;

/// <summary>The load generator's typed client for the cache API.</summary>
public sealed class ApiClient(HttpClient http)
{
    public async Task<int> GetItemAsync(long key, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/data/{key}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return (int)response.StatusCode;
    }
}
