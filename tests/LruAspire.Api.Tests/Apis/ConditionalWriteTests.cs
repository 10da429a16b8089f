using System.Net;
using LruAspire.Api.Apis;

namespace LruAspire.Api.Tests.Apis;

/// <summary>
/// PUT and DELETE with If-Match / If-None-Match: optimistic concurrency and create-only writes. A 412 changes
/// nothing in the store and drops nothing from the cache.
/// </summary>
public sealed class ConditionalWriteTests : IAsyncLifetime
{
    private ApiFactory _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = ApiFactory.Start();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Created_and_replaced_items_answer_with_their_new_tag_which_reads_then_return()
    {
        using var created = await Client.SendAsync(ItemRequests.Put(500, "a"));
        using var replaced = await Client.SendAsync(ItemRequests.Put(500, "b"));
        using var read = await Client.SendAsync(ItemRequests.Get(500));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.NotEqual(ItemRequests.ETag(created), ItemRequests.ETag(replaced));
        Assert.Equal(ItemRequests.ETag(replaced), ItemRequests.ETag(read));
        Assert.Equal($"\"{_host.Store.VersionOf(500)}\"", ItemRequests.ETag(read));
    }

    [Fact]
    public async Task Put_with_the_current_tag_in_If_Match_replaces_the_item()
    {
        var etag = await ReadETagAsync(1);

        using var response = await Client.SendAsync(ItemRequests.Put(1, "checked", ("If-Match", etag)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("checked", _host.Store[1]);
        Assert.NotEqual(etag, ItemRequests.ETag(response));
    }

    [Fact]
    public async Task Two_read_modify_writes_from_the_same_read_lose_no_update_the_second_is_412()
    {
        var etag = await ReadETagAsync(1);

        using var first = await Client.SendAsync(ItemRequests.Put(1, "first writer", ("If-Match", etag)));
        using var second = await Client.SendAsync(ItemRequests.Put(1, "second writer", ("If-Match", etag)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await ItemRequests.AssertProblemAsync(second, Problems.PreconditionFailed);
        Assert.Equal("first writer", _host.Store[1]);
    }

    [Theory]
    [InlineData("\"999999\"")]
    [InlineData("W/{0}")]          // If-Match compares strongly
    [InlineData("\"abc\"")]
    [InlineData(" , ")]            // a list with no tags matches nothing
    public async Task Put_and_delete_with_a_non_matching_If_Match_are_412_and_change_and_invalidate_nothing(string ifMatch)
    {
        var etag = await ReadETagAsync(1); // now cached
        var before = _host.Store.Snapshot();
        var header = ("If-Match", string.Format(ifMatch, etag));

        using var put = await Client.SendAsync(ItemRequests.Put(1, "lost update", header));
        using var delete = await Client.SendAsync(ItemRequests.Delete(1, header));
        using var read = await Client.SendAsync(ItemRequests.Get(1));

        await ItemRequests.AssertProblemAsync(put, Problems.PreconditionFailed);
        await ItemRequests.AssertProblemAsync(delete, Problems.PreconditionFailed);
        Assert.Equal(before, _host.Store.Snapshot());
        Assert.Equal("HIT", Assert.Single(read.Headers.GetValues(DataApi.CacheHeader)));
    }

    [Fact]
    public async Task Put_with_If_Match_never_creates_a_missing_item()
    {
        using var put = await Client.SendAsync(ItemRequests.Put(501, "x", ("If-Match", "*")));

        await ItemRequests.AssertProblemAsync(put, Problems.PreconditionFailed);
        Assert.Null(_host.Store[501]);
    }

    [Fact]
    public async Task Put_with_If_Match_star_replaces_an_existing_item()
    {
        using var put = await Client.SendAsync(ItemRequests.Put(1, "exists", ("If-Match", "*")));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("exists", _host.Store[1]);
    }

    [Fact]
    public async Task Put_with_If_None_Match_star_creates_once_then_is_412()
    {
        using var created = await Client.SendAsync(ItemRequests.Put(502, "first", ("If-None-Match", "*")));
        using var again = await Client.SendAsync(ItemRequests.Put(502, "second", ("If-None-Match", "*")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await ItemRequests.AssertProblemAsync(again, Problems.PreconditionFailed);
        Assert.Equal("first", _host.Store[502]);
    }

    [Fact]
    public async Task Put_with_If_None_Match_listing_the_current_tag_is_412()
    {
        var etag = await ReadETagAsync(1);

        using var put = await Client.SendAsync(ItemRequests.Put(1, "x", ("If-None-Match", $"W/{etag}")));

        await ItemRequests.AssertProblemAsync(put, Problems.PreconditionFailed);
        Assert.Equal("value-1", _host.Store[1]);
    }

    [Fact]
    public async Task Delete_with_the_current_tag_deletes_and_a_missing_item_stays_404_whatever_the_precondition()
    {
        var etag = await ReadETagAsync(1);

        using var deleted = await Client.SendAsync(ItemRequests.Delete(1, ("If-Match", etag)));
        using var again = await Client.SendAsync(ItemRequests.Delete(1, ("If-Match", etag)));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ItemRequests.AssertProblemAsync(again, Problems.ItemNotFound(1)); // RFC 9110 §13.2.1
        Assert.Null(_host.Store[1]);
    }

    [Fact]
    public async Task A_malformed_If_Match_on_a_write_is_400_and_nothing_is_written()
    {
        var before = _host.Store.Snapshot();

        using var put = await Client.SendAsync(ItemRequests.Put(1, "x", ("If-Match", "not-a-tag")));
        using var delete = await Client.SendAsync(ItemRequests.Delete(1, ("If-Match", "not-a-tag")));

        await ItemRequests.AssertProblemAsync(put, Problems.InvalidPrecondition);
        await ItemRequests.AssertProblemAsync(delete, Problems.InvalidPrecondition);
        Assert.Equal(before, _host.Store.Snapshot());
    }

    [Fact]
    public async Task Preconditions_are_not_looked_at_before_the_write_key()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/data/1");
        request.Headers.TryAddWithoutValidation("If-Match", "garbage");

        using var response = await Client.SendAsync(request);

        await ItemRequests.AssertProblemAsync(response, Problems.MissingApiKey);
    }

    private async Task<string> ReadETagAsync(long key)
    {
        using var response = await Client.SendAsync(ItemRequests.Get(key));
        return ItemRequests.ETag(response);
    }
}
