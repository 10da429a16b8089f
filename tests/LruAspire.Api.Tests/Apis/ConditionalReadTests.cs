using System.Net;
using LruAspire.Api.Apis;

namespace LruAspire.Api.Tests.Apis;

/// <summary>GET /data/{key} with validators: ETag, Cache-Control, 304 on If-None-Match, 412 on If-Match (RFC 9110 §13).</summary>
public sealed class ConditionalReadTests : IAsyncLifetime
{
    private ApiFactory _host = null!;
    private string _etag = null!;

    public async Task InitializeAsync()
    {
        _host = ApiFactory.Start();
        using var first = await _host.Client.SendAsync(ItemRequests.Get(1)); // cache key 1
        _etag = ItemRequests.ETag(first);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_read_carries_the_strong_entity_tag_of_the_stored_version_and_says_to_revalidate()
    {
        using var response = await _host.Client.SendAsync(ItemRequests.Get(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{_host.Store.VersionOf(1)}\"", ItemRequests.ETag(response));
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("HIT", Assert.Single(response.Headers.GetValues(DataApi.CacheHeader)));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("W/{0}")]                         // If-None-Match compares weakly
    [InlineData("\"1\", {0}")]
    [InlineData("\"1\" ,, \t{0} ,")]              // empty list elements and OWS are allowed
    [InlineData("*")]
    public async Task A_matching_If_None_Match_on_a_hit_is_304_from_memory_with_the_validators_and_no_body(string ifNoneMatch)
    {
        var readsBefore = _host.Store.Reads;

        using var response = await _host.Client.SendAsync(ItemRequests.Get(1, ("If-None-Match", string.Format(ifNoneMatch, _etag))));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(_etag, ItemRequests.ETag(response));
        Assert.Equal("HIT", Assert.Single(response.Headers.GetValues(DataApi.CacheHeader)));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(readsBefore, _host.Store.Reads); // answered without a database read
    }

    [Theory]
    [InlineData("\"999999\"")]
    [InlineData("\"01\"")]                       // opaque tags compare as text: not version 1's "1"
    [InlineData("\"abc\", W/\"999999\"")]
    public async Task A_stale_If_None_Match_gets_the_current_item(string ifNoneMatch)
    {
        using var response = await _host.Client.SendAsync(ItemRequests.Get(1, ("If-None-Match", ifNoneMatch)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_etag, ItemRequests.ETag(response));
        Assert.Contains("value-1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_write_the_old_tag_no_longer_matches_and_the_new_one_does()
    {
        using var put = await _host.Client.SendAsync(ItemRequests.Put(1, "rewritten"));
        var newTag = ItemRequests.ETag(put);

        using var stale = await _host.Client.SendAsync(ItemRequests.Get(1, ("If-None-Match", _etag)));
        using var fresh = await _host.Client.SendAsync(ItemRequests.Get(1, ("If-None-Match", newTag)));

        Assert.NotEqual(_etag, newTag);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(newTag, ItemRequests.ETag(stale));
        Assert.Equal(HttpStatusCode.NotModified, fresh.StatusCode);
    }

    [Fact]
    public async Task A_bypassing_revalidation_reads_the_database_and_can_still_be_304()
    {
        var readsBefore = _host.Store.Reads;

        using var response = await _host.Client.SendAsync(ItemRequests.Get(1, ("If-None-Match", _etag), ("Cache-Control", "no-cache")));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("BYPASS", Assert.Single(response.Headers.GetValues(DataApi.CacheHeader)));
        Assert.Equal(readsBefore + 1, _host.Store.Reads);
    }

    [Theory]
    [InlineData("{0}", HttpStatusCode.OK)]
    [InlineData("*", HttpStatusCode.OK)]
    [InlineData("\"1\", {0}", HttpStatusCode.OK)]
    [InlineData("W/{0}", HttpStatusCode.PreconditionFailed)] // If-Match compares strongly: a weak tag never matches
    [InlineData("\"999999\"", HttpStatusCode.PreconditionFailed)]
    public async Task If_Match_on_a_read_is_checked_strongly(string ifMatch, HttpStatusCode expected)
    {
        using var response = await _host.Client.SendAsync(ItemRequests.Get(1, ("If-Match", string.Format(ifMatch, _etag))));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.PreconditionFailed)
        {
            await ItemRequests.AssertProblemAsync(response, Problems.PreconditionFailed);
        }
    }

    [Fact]
    public async Task If_Match_is_evaluated_before_If_None_Match()
    {
        using var response = await _host.Client.SendAsync(ItemRequests.Get(1, ("If-Match", "\"999999\""), ("If-None-Match", _etag)));

        await ItemRequests.AssertProblemAsync(response, Problems.PreconditionFailed);
    }

    [Theory]
    [InlineData("If-None-Match", "42")]           // unquoted
    [InlineData("If-None-Match", "\"42")]         // unterminated
    [InlineData("If-None-Match", "\"4 2\"")]      // no spaces inside a tag
    [InlineData("If-None-Match", "*, \"42\"")]    // "*" stands alone
    [InlineData("If-None-Match", "\"42\" \"43\"")] // tags are separated by commas
    [InlineData("If-Match", "\"42\"x")]
    public async Task A_malformed_conditional_header_is_400_before_any_lookup(string header, string value)
    {
        var readsBefore = _host.Store.Reads;

        using var response = await _host.Client.SendAsync(ItemRequests.Get(2, (header, value)));

        await ItemRequests.AssertProblemAsync(response, Problems.InvalidPrecondition);
        Assert.Equal(readsBefore, _host.Store.Reads);
    }

    [Theory]
    [InlineData("If-None-Match", "*")]
    [InlineData("If-Match", "*")]
    public async Task A_missing_item_is_404_whatever_the_preconditions_say(string header, string value)
    {
        using var response = await _host.Client.SendAsync(ItemRequests.Get(424242, (header, value)));

        await ItemRequests.AssertProblemAsync(response, Problems.ItemNotFound(424242));
    }
}
