using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace LruAspire.LoadGen.CacheApi;

/// <summary>
/// A private HTTP cache of the validation kind in front of the API (RFC 9111 §4.3), as a browser or a caching
/// proxy is with the API's <c>Cache-Control: no-cache</c>: it keeps the body and <c>ETag</c> of each URL's last 200,
/// sends <c>If-None-Match</c> with every GET of a URL it holds, and answers a 304 with the stored body under the
/// 304's own headers (§4.3.4). The application above it sees a 200 either way; <see cref="NotModified"/> counts
/// the round trips that carried no body.
/// </summary>
/// <remarks>
/// It wraps a handler it does not own (one from <see cref="IHttpMessageHandlerFactory"/>), so it must not be
/// disposed: a <see cref="DelegatingHandler"/> disposes its inner handler with it.
/// </remarks>
public sealed class RevalidatingHandler : DelegatingHandler
{
    private readonly ConcurrentDictionary<Uri, StoredResponse> _stored = new();
    private long _revalidations;
    private long _notModified;

    /// <summary>GETs sent with <c>If-None-Match</c>.</summary>
    public long Revalidations => Interlocked.Read(ref _revalidations);

    /// <summary>Revalidations the API answered 304, i.e. without a body.</summary>
    public long NotModified => Interlocked.Read(ref _notModified);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get || request.RequestUri is not { } uri)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var stored = _stored.GetValueOrDefault(uri);
        if (stored is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", stored.ETag);
            Interlocked.Increment(ref _revalidations);
        }
        var response = await base.SendAsync(request, cancellationToken);

        if (response.StatusCode == HttpStatusCode.NotModified && stored is not null)
        {
            Interlocked.Increment(ref _notModified);
            response.StatusCode = HttpStatusCode.OK;
            response.ReasonPhrase = "OK";
            response.Content = stored.ToContent();
        }
        else if (response.StatusCode == HttpStatusCode.OK && response.Headers.ETag is { } etag)
        {
            stored = new StoredResponse(etag.ToString(), await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType);
            _stored[uri] = stored;
            response.Content = stored.ToContent();
        }
        return response;
    }

    private sealed record StoredResponse(string ETag, byte[] Body, MediaTypeHeaderValue? ContentType)
    {
        public ByteArrayContent ToContent() => new(Body) { Headers = { ContentType = ContentType } };
    }
}
