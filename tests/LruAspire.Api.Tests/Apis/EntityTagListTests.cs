using LruAspire.Api.Apis;
using LruAspire.Api.Cache;
using LruAspire.Api.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LruAspire.Api.Tests.Apis;

/// <summary>The If-Match / If-None-Match grammar (RFC 9110 §8.8.3, §13.1.1–2) on raw strings, as a client may send them.</summary>
public class EntityTagListTests
{
    [Theory]
    [InlineData("*")]
    [InlineData(" * ")]
    [InlineData("\"1\"")]
    [InlineData("W/\"1\"")]
    [InlineData("w/\"1\"")]                    // lenient, like .NET's own parser
    [InlineData("\"\"")]                       // an empty opaque tag is a tag
    [InlineData("\"a\", W/\"b\",\t\"c\"")]
    [InlineData(",,\"a\",, ,")]                // empty list elements are allowed
    [InlineData("")]                           // an empty list
    [InlineData("\"!#$%&'()*+,-./~\"")]        // visible ASCII except DQUOTE, commas included
    [InlineData("\"\u00e9\u00ff\"")]           // obs-text
    public void Well_formed_fields_parse(string field) => Assert.True(EntityTagList.IsWellFormed(new StringValues(field)));

    [Theory]
    [InlineData("1")]
    [InlineData("\"1")]
    [InlineData("W/1")]
    [InlineData("W /\"1\"")]
    [InlineData("\"a b\"")]
    [InlineData("\"a\"\"b\"")]
    [InlineData("\"a\" \"b\"")]
    [InlineData("\"a\";q=1")]
    [InlineData("*, \"a\"")]
    [InlineData("**")]
    [InlineData("\"\u0100\"")]                 // beyond obs-text
    [InlineData("\"\u007f\"")]                 // DEL
    [InlineData("\"\u0000\"")]
    public void Malformed_fields_do_not(string field) => Assert.False(EntityTagList.IsWellFormed(new StringValues(field)));

    [Fact]
    public void A_field_sent_on_several_lines_is_one_list_and_each_line_must_parse()
    {
        Assert.True(EntityTagList.Contains(new StringValues(["\"1\"", "\"2\""]), "\"2\"", strongComparison: true));
        Assert.False(EntityTagList.IsWellFormed(new StringValues(["\"1\"", "2"])));
        Assert.False(EntityTagList.IsWellFormed(new StringValues(["*", "*"]))); // "*" is the whole field
    }

    [Theory]
    [InlineData("\"7\"", true, true)]
    [InlineData("W/\"7\"", false, true)]
    [InlineData("\"07\"", false, false)]
    [InlineData("\"77\", \"7\"", true, true)]
    [InlineData("\"8\"", false, false)]
    public void Strong_comparison_needs_two_strong_tags_weak_only_the_same_text(string field, bool strongMatch, bool weakMatch)
    {
        Assert.Equal(strongMatch, EntityTagList.Contains(new StringValues(field), "\"7\"", strongComparison: true));
        Assert.Equal(weakMatch, EntityTagList.Contains(new StringValues(field), "\"7\"", strongComparison: false));
    }

    [Fact]
    public void Write_preconditions_become_versions_the_store_can_check()
    {
        var headers = new HeaderDictionary
        {
            ["If-Match"] = "\"5\", W/\"6\", \"07\", \"x\", \"9223372036854775808\"",
            ["If-None-Match"] = "W/\"8\"",
        };

        var precondition = Preconditions.ForWrite(headers);

        Assert.Equal([5L], precondition.IfMatch.Versions);        // weak, non-canonical and foreign tags cannot match
        Assert.Equal([8L], precondition.IfNoneMatch.Versions);    // If-None-Match compares weakly
        Assert.True(precondition.IsMetBy(5));
        Assert.False(precondition.IsMetBy(6));
        Assert.False(precondition.IsMetBy(null));                 // If-Match needs an item
        Assert.Same(VersionMatch.Any, Preconditions.ForWrite(new HeaderDictionary { ["If-None-Match"] = "*" }).IfNoneMatch);
        Assert.Same(ItemPrecondition.None.IfMatch, Preconditions.ForWrite(new HeaderDictionary()).IfMatch);
    }

    [Fact]
    public void The_entity_tag_is_the_version_quoted_and_reads_back()
    {
        Assert.Equal("\"10042\"", ItemETag.Format(10042));
        Assert.True(ItemETag.TryParseVersion("10042", out var version));
        Assert.Equal(10042, version);
        Assert.False(ItemETag.TryParseVersion("010042", out _));
        Assert.False(ItemETag.TryParseVersion("-1", out _));
        Assert.False(ItemETag.TryParseVersion("", out _));
    }
}
