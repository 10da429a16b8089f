namespace LruAspire.LoadGen.CacheApi;

public enum RequestKind
{
    /// <summary><c>GET /data/{key}</c> through the cache.</summary>
    Read,

    /// <summary><c>GET /data/{key}</c> with <c>Cache-Control: no-cache</c>: the API reads PostgreSQL.</summary>
    DatabaseRead,

    /// <summary><c>PUT /data/{key}</c> with <c>X-Api-Key</c>.</summary>
    Write,
}

/// <summary>One request a user sends.</summary>
public readonly record struct LoadRequest(RequestKind Kind, long Key);
