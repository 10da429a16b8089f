namespace LruAspire.LoadGen.CacheApi;

/// <summary>The API's <c>X-Cache</c> response header.</summary>
public enum CacheHeader
{
    None,
    Hit,
    Miss,
    Coalesced,
    Bypass,
}

/// <param name="StatusCode">The HTTP status, or 0 when no response arrived (connection refused, reset, timeout).</param>
public readonly record struct ApiResponse(int StatusCode, CacheHeader Cache)
{
    public static readonly ApiResponse TransportFailure = new(0, CacheHeader.None);

    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
