using System.Globalization;

namespace LruAspire.Api.Cache;

/// <summary>
/// The items' entity tags (RFC 9110 §8.8.3): the item's version in decimal, quoted, e.g. <c>"10042"</c>. They are
/// strong validators: every write draws a new version from one sequence for the whole table, so two different
/// representations — of one key over time, or of two keys — never share a tag, on any replica or after a restart.
/// </summary>
public static class ItemETag
{
    /// <summary>The tag of <paramref name="version"/>, quotes included, as sent in <c>ETag</c>.</summary>
    public static string Format(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>
    /// Reads the version out of an opaque tag (the text between the quotes). False when the text cannot be a tag
    /// this API sent: anything but a positive decimal without leading zeros.
    /// </summary>
    public static bool TryParseVersion(ReadOnlySpan<char> opaqueTag, out long version)
    {
        version = 0;
        return opaqueTag is [>= '1' and <= '9', ..]
            && long.TryParse(opaqueTag, NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
