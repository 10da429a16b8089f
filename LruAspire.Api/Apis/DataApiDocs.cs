using LruAspire.Api.Cache;
using Microsoft.OpenApi;

namespace LruAspire.Api.Apis;

/// <summary>The OpenAPI documentation of <c>/data/{key}</c>, kept beside the routes it describes.</summary>
public static partial class DataApi
{
    private static readonly ParameterDoc KeyParameter = new("key", ParameterLocation.Path,
        "The item's key: a positive 64-bit integer in plain decimal digits (1 to 9223372036854775807).", Example: "42", Required: true);

    private static readonly ParameterDoc WriteKeyParameter = new(WriteKeyFilter.HeaderName, ParameterLocation.Header,
        "The write key (configuration `Api:WriteKey`, an Aspire secret parameter). Reads need no key.", Required: true);

    private static readonly ParameterDoc ReadIfNoneMatch = new("If-None-Match", ParameterLocation.Header,
        "Entity tags the client already has (weak comparison), or `*`. When one is the item's current `ETag` the answer " +
        "is `304 Not Modified` without a body — from the cache's memory on a hit.", Example: "\"10042\"");

    private static readonly ParameterDoc ReadIfMatch = new("If-Match", ParameterLocation.Header,
        "Answer only if the item's current `ETag` is one of these (strong comparison) or `*`; otherwise `412`.");

    private static readonly ParameterDoc WriteIfMatch = new("If-Match", ParameterLocation.Header,
        "Optimistic concurrency: write only if the item's current `ETag` is one of these (strong comparison; `*`: the " +
        "item exists). Otherwise `412` and nothing changes. Checked in the same SQL statement that writes.", Example: "\"10042\"");

    private static readonly ParameterDoc WriteIfNoneMatch = new("If-None-Match", ParameterLocation.Header,
        "`*` makes the write create-only: `412` if the item exists. A list of tags refuses the write when the current " +
        "`ETag` is among them (weak comparison).", Example: "*");

    private static readonly HeaderDoc ETagHeader = new("ETag",
        "The item's strong entity tag, its version in quotes (`\"10042\"`): it changes on every write, and is the same " +
        "on every replica and after a restart. Send it back in `If-None-Match` to revalidate, in `If-Match` to write safely.");

    private static readonly HeaderDoc CacheControlHeader = new("Cache-Control",
        $"`{ReadCacheControl}`: clients and proxies may store the item but must revalidate it (with `If-None-Match`) before each use.");

    private static readonly HeaderDoc XCacheHeader = new(CacheHeader,
        "`HIT` (served from the cache), `MISS` (read from PostgreSQL, now cached), `COALESCED` (a miss that shared " +
        "another request's read of the same key) or `BYPASS` (read from PostgreSQL because of `Cache-Control: no-cache`).");

    private static readonly ResponseDoc InvalidKeyResponse = ResponseDoc.Problem(Problems.InvalidKey,
        "The key is not a positive 64-bit integer (letters, zero, a sign, a decimal point, or too large), or " +
        "`If-Match`/`If-None-Match` is not `*` or a list of quoted entity tags.");

    private static readonly ResponseDoc NotFoundResponse = ResponseDoc.Problem(Problems.ItemNotFound(987654321),
        "No item has this key (conditional headers are then ignored, RFC 9110 §13.2.1).");

    private static readonly ResponseDoc PreconditionFailedResponse = ResponseDoc.Problem(Problems.PreconditionFailed,
        "`If-Match` or `If-None-Match` does not hold for the item's current `ETag`; nothing was changed and no replica was told anything.");

    private static readonly ResponseDoc UnauthorizedResponse = ResponseDoc.Problem(Problems.MissingApiKey, "`X-Api-Key` is missing or wrong.");

    private static readonly ResponseDoc WritesDisabledResponse = ResponseDoc.Problem(Problems.WritesDisabled,
        "The server has no write key configured, so every write is refused (fail closed).");

    private static readonly ResponseDoc UnavailableResponse = ResponseDoc.Problem(Problems.DatabaseUnavailable,
        "PostgreSQL cannot answer right now (down, too slow, or too many queued calls). A `Retry-After` header says " +
        "when to try again; a write answered 503 has not been applied. Cache hits are still served.");

    private static readonly ResponseDoc WriteOutcomeUnknownResponse = ResponseDoc.Problem(Problems.WriteOutcomeUnknown,
        "PostgreSQL did not confirm the write in time, so it may or may not have been applied; retry after `Retry-After`. " +
        "A retried conditional write that gets `412` may have been applied by the first attempt: read the item to see.");

    private static RouteHandlerBuilder WithGetItemDocs(this RouteHandlerBuilder route) => route.WithDocs("Read an item through the cache",
        """
        Returns the item with this key. A cache hit is served from the in-process cache without touching PostgreSQL;
        a miss reads the `items` table, stores the response in the cache and returns it (concurrent misses for one key
        share one query; a key with no row is remembered as absent for a few seconds). The `X-Cache` response header
        says which happened. The cache keeps each item's `ETag` beside its body, so a revalidation (`If-None-Match`)
        of a cached item is answered `304` from memory. `HEAD` answers the same, without the body.
        """,
        [
            KeyParameter,
            new("Cache-Control", ParameterLocation.Header,
                "`no-cache` skips the cache and reads PostgreSQL directly (the cache is left as it is).", Example: "no-cache"),
            ReadIfNoneMatch, ReadIfMatch,
        ],
        [
            new(StatusCodes.Status200OK, "The item.", typeof(ItemResponse), """{"key": 42, "value": "value-42"}""")
            {
                Headers = [ETagHeader, CacheControlHeader, XCacheHeader],
            },
            new(StatusCodes.Status304NotModified, "`If-None-Match` holds the item's current `ETag`: the client's copy is current. No body.")
            {
                Headers = [ETagHeader, CacheControlHeader, XCacheHeader],
            },
            InvalidKeyResponse, NotFoundResponse, PreconditionFailedResponse, UnavailableResponse,
        ]);

    private static RouteHandlerBuilder WithPutItemDocs(this RouteHandlerBuilder route) => route.WithDocs("Create or replace an item",
        """
        Writes the value to PostgreSQL first, then invalidates the key in this replica's cache; the other replicas
        evict it when PostgreSQL's `NOTIFY` for the committed write reaches them. Needs `X-Api-Key`. With `If-Match`
        (the `ETag` you read) the write happens only if nobody changed the item since; with `If-None-Match: *` only
        if it does not exist yet. The body must be UTF-8 JSON, uncompressed.
        """,
        [KeyParameter, WriteKeyParameter, WriteIfMatch, WriteIfNoneMatch],
        [
            new(StatusCodes.Status201Created, "The item did not exist and was created.", typeof(ItemResponse), """{"key": 42, "value": "hello"}""")
            {
                Headers = [ETagHeader, new("Location", "The item's URL, `/data/{key}`.")],
            },
            new(StatusCodes.Status200OK, "The item existed and its value was replaced.", typeof(ItemResponse), """{"key": 42, "value": "hello"}""")
            {
                Headers = [ETagHeader],
            },
            ResponseDoc.Problem(Problems.MissingValue,
                "Invalid key, invalid JSON, no `value` string in the body, a NUL character in it, a malformed conditional " +
                "header, or a body that ended before its `Content-Length`."),
            UnauthorizedResponse, WritesDisabledResponse, PreconditionFailedResponse,
            ResponseDoc.Problem(Problems.ValueTooLarge(65536), "The value is larger than the configured limit (`Api:MaxValueBytes`)."),
            ResponseDoc.Problem(Problems.UnsupportedContentType,
                "The body is not `application/json`, its `charset` is not UTF-8, or it has a `Content-Encoding`."),
            UnavailableResponse, WriteOutcomeUnknownResponse,
        ],
        requestExample: """{"value": "hello"}""");

    private static RouteHandlerBuilder WithDeleteItemDocs(this RouteHandlerBuilder route) => route.WithDocs("Delete an item",
        """
        Deletes the row in PostgreSQL, then invalidates the key in every replica's cache (as for `PUT`). Needs
        `X-Api-Key`. With `If-Match` the delete happens only if the item still has that `ETag`.
        """,
        [KeyParameter, WriteKeyParameter, WriteIfMatch],
        [
            new(StatusCodes.Status204NoContent, "The item was deleted."),
            InvalidKeyResponse, UnauthorizedResponse, WritesDisabledResponse, NotFoundResponse, PreconditionFailedResponse, UnavailableResponse,
            WriteOutcomeUnknownResponse,
        ]);
}
