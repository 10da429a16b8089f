using System.Text.Json;
using LruAspire.Api.Apis;
using LruAspire.Api.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace LruAspire.Api.OpenApi;

/// <summary>
/// The documentation of every API operation, keyed by method and route. It lives here rather than on the
/// endpoints so that the endpoint files stay about behaviour, and so that one test can check that nothing the
/// API serves is left undescribed.
/// </summary>
public static class ApiOperationDocs
{
    private static readonly ParameterDoc Key = new("key", ParameterLocation.Path,
        "The item's key: a positive 64-bit integer in plain decimal digits (1 to 9223372036854775807).",
        Example: "42", Required: true);

    private static readonly ParameterDoc WriteKey = new("X-Api-Key", ParameterLocation.Header,
        "The write key (configuration `Api:WriteKey`, an Aspire secret parameter). Reads need no key.",
        Required: true);

    private static readonly ResponseDoc InvalidKey = Problem(StatusCodes.Status400BadRequest, "15.5.1",
        "The key is not a positive 64-bit integer (letters, zero, a sign, a decimal point, or too large).",
        "Invalid key", "The key must be a positive 64-bit integer written in decimal digits (1 to 9223372036854775807).");

    private static readonly ResponseDoc NotFound = Problem(StatusCodes.Status404NotFound, "15.5.5",
        "No item has this key.", "Item not found", "No item has key 987654321.");

    private static readonly ResponseDoc Unauthorized = Problem(StatusCodes.Status401Unauthorized, "15.5.2",
        "`X-Api-Key` is missing or wrong.",
        "Missing or invalid API key", "Writes require the X-Api-Key header with the server's write key.");

    private static readonly ResponseDoc WritesDisabled = Problem(StatusCodes.Status403Forbidden, "15.5.4",
        "The server has no write key configured, so every write is refused (fail closed).",
        "Writes are disabled", "No write key is configured on the server (Api:WriteKey), so writes are refused.");

    private static readonly ResponseDoc DatabaseUnavailable = Problem(StatusCodes.Status503ServiceUnavailable, "15.6.4",
        "PostgreSQL cannot answer right now (down, too slow, or too many queued calls). A `Retry-After` header says " +
        "when to try again; a write answered 503 has not been applied. Cache hits are still served.",
        "Database unavailable",
        "The item is not in the cache and the database cannot answer right now. Retry after the number of seconds in the Retry-After header.");

    public static IReadOnlyDictionary<string, OperationDoc> All { get; } = new Dictionary<string, OperationDoc>(StringComparer.OrdinalIgnoreCase)
    {
        ["GET /data/{key}"] = new(
            "Read an item through the cache",
            """
            Returns the item with this key. A cache hit is served from the in-process LRU without touching
            PostgreSQL; a miss reads the `items` table, stores the response in the cache and returns it
            (concurrent misses for one key share one query; a key with no row is remembered as absent for a few
            seconds). The `X-Cache` response header says which happened.
            """,
            [
                new(StatusCodes.Status200OK, "The item.", typeof(ItemResponse), """{"key": 42, "value": "value-42"}""")
                {
                    Headers =
                    [
                        new(DataApi.CacheHeader, "`HIT` (served from the cache), `MISS` (read from PostgreSQL, now cached), " +
                            "`COALESCED` (a miss that shared another request's read of the same key) or `BYPASS` (read from PostgreSQL because of `Cache-Control: no-cache`)."),
                    ],
                },
                InvalidKey,
                NotFound,
                DatabaseUnavailable,
            ])
        {
            Parameters =
            [
                Key,
                new("Cache-Control", ParameterLocation.Header,
                    "`no-cache` skips the cache and reads PostgreSQL directly (the cache is left as it is).", Example: "no-cache"),
            ],
        },

        ["PUT /data/{key}"] = new(
            "Create or replace an item",
            """
            Writes the value to PostgreSQL first, then invalidates the key in this replica's cache; the other
            replicas evict it when PostgreSQL's `NOTIFY` for the committed write reaches them. Needs `X-Api-Key`.
            """,
            [
                new(StatusCodes.Status201Created, "The item did not exist and was created.", typeof(ItemResponse), """{"key": 42, "value": "hello"}"""),
                new(StatusCodes.Status200OK, "The item existed and its value was replaced.", typeof(ItemResponse), """{"key": 42, "value": "hello"}"""),
                Problem(StatusCodes.Status400BadRequest, "15.5.1", "Invalid key, invalid JSON, or no `value` string in the body.",
                    "Invalid request", "The body must be a JSON object with a string property 'value'."),
                Unauthorized,
                WritesDisabled,
                Problem(StatusCodes.Status413PayloadTooLarge, "15.5.14", "The value is larger than the configured limit.",
                    "Value too large", "The value is larger than the configured limit."),
                Problem(StatusCodes.Status415UnsupportedMediaType, "15.5.16", "The body is not `application/json`.",
                    "Unsupported content type", """Send the body as application/json: {"value": "..."}."""),
                DatabaseUnavailable,
            ])
        {
            Parameters = [Key, WriteKey],
            RequestExample = """{"value": "hello"}""",
        },

        ["DELETE /data/{key}"] = new(
            "Delete an item",
            """
            Deletes the row in PostgreSQL, then invalidates the key in every replica's cache (as for `PUT`).
            Needs `X-Api-Key`.
            """,
            [
                new(StatusCodes.Status204NoContent, "The item was deleted."),
                InvalidKey,
                Unauthorized,
                WritesDisabled,
                NotFound,
                DatabaseUnavailable,
            ])
        {
            Parameters = [Key, WriteKey],
        },

        ["GET /metrics"] = new(
            "Cache counters",
            """
            The seed's metrics as JSON, for this API instance since it started: hits, misses, their ratio,
            evictions, and how full the LRU is. The same numbers go to the Aspire dashboard as OpenTelemetry metrics.
            """,
            [
                new(StatusCodes.Status200OK, "The counters.", typeof(CacheMetricsResponse),
                    """
                    {"hits": 940, "negative_hits": 3, "misses": 60, "hit_rate": 0.9403, "evictions": 0, "expirations": 0,
                     "removals": 2, "loads": 55, "coalesced_loads": 5, "count": 58, "capacity": 1000, "bytes": 1740, "max_bytes": null}
                    """),
            ]),
    };

    /// <summary>A problem-details response whose example looks like what the API really sends.</summary>
    private static ResponseDoc Problem(int status, string rfc9110Section, string description, string title, string detail) =>
        new(status, description, typeof(ProblemDetails),
            $$"""
            {
              "type": "https://tools.ietf.org/html/rfc9110#section-{{rfc9110Section}}",
              "title": "{{JsonEncodedText.Encode(title)}}",
              "status": {{status}},
              "detail": "{{JsonEncodedText.Encode(detail)}}",
              "trace_id": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
            }
            """);
}
