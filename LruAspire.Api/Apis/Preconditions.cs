using LruAspire.Api.Cache;
using LruAspire.Api.Store;
using Microsoft.Extensions.Primitives;

namespace LruAspire.Api.Apis;

/// <summary>What a conditional read answers (RFC 9110 §13.2.2).</summary>
public enum ConditionalRead
{
    /// <summary>No precondition stops it: 200 with the item.</summary>
    Proceed,

    /// <summary><c>If-None-Match</c> matched: 304, the client's copy is current.</summary>
    NotModified,

    /// <summary><c>If-Match</c> did not match: 412.</summary>
    PreconditionFailed,
}

/// <summary>
/// Conditional requests on <c>/data/{key}</c> (RFC 9110 §13.1), evaluated in the order of §13.2.2: <c>If-Match</c>
/// (strong comparison), then <c>If-None-Match</c> (weak comparison). <c>If-Modified-Since</c> and
/// <c>If-Unmodified-Since</c> are ignored, as §13.1.3–4 require of a resource that has no modification date to
/// offer (the API sends no <c>Last-Modified</c>); <c>If-Range</c> goes with <c>Range</c>, which it does not serve.
/// </summary>
/// <remarks>
/// Preconditions only matter when the request would otherwise succeed (§13.2.1): a bad key, a bad body or a
/// missing item is answered as if they were not there. A read is decided here, against the entity tag the cache
/// holds; a write is handed to the store as versions, so the check and the write are one atomic statement.
/// </remarks>
public static class Preconditions
{
    /// <summary>Whether <c>If-Match</c> and <c>If-None-Match</c> are absent or parse; otherwise the request is a 400.</summary>
    public static bool AreWellFormed(IHeaderDictionary headers) =>
        EntityTagList.IsWellFormed(headers.IfMatch) && EntityTagList.IsWellFormed(headers.IfNoneMatch);

    /// <summary>Decides a GET or HEAD of an existing item whose entity tag is <paramref name="etag"/>.</summary>
    public static ConditionalRead EvaluateRead(IHeaderDictionary headers, string etag)
    {
        var ifMatch = headers.IfMatch;
        if (ifMatch.Count > 0 && !EntityTagList.IsWildcard(ifMatch) && !EntityTagList.Contains(ifMatch, etag, strongComparison: true))
        {
            return ConditionalRead.PreconditionFailed;
        }
        var ifNoneMatch = headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0 && (EntityTagList.IsWildcard(ifNoneMatch) || EntityTagList.Contains(ifNoneMatch, etag, strongComparison: false)))
        {
            return ConditionalRead.NotModified;
        }
        return ConditionalRead.Proceed;
    }

    /// <summary>
    /// The preconditions of a PUT or DELETE as versions for the store: <c>If-Match</c> by strong comparison (a weak
    /// tag never matches), <c>If-None-Match</c> by weak comparison. A tag this API cannot have sent matches nothing.
    /// </summary>
    public static ItemPrecondition ForWrite(IHeaderDictionary headers) =>
        new(Versions(headers.IfMatch, strongComparison: true), Versions(headers.IfNoneMatch, strongComparison: false));

    private static VersionMatch Versions(StringValues field, bool strongComparison)
    {
        if (field.Count == 0)
        {
            return VersionMatch.Absent;
        }
        if (EntityTagList.IsWildcard(field))
        {
            return VersionMatch.Any;
        }
        var versions = new List<long>();
        foreach (var line in field)
        {
            var reader = new EntityTagReader(line);
            while (reader.TryReadNext(out var isWeak, out var opaqueTag))
            {
                if ((!strongComparison || !isWeak) && ItemETag.TryParseVersion(opaqueTag, out var version))
                {
                    versions.Add(version);
                }
            }
        }
        return VersionMatch.OneOf([.. versions]);
    }
}
