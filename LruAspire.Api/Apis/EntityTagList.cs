using System.Buffers;
using Microsoft.Extensions.Primitives;

namespace LruAspire.Api.Apis;

/// <summary>
/// The field value of <c>If-Match</c> and <c>If-None-Match</c> (RFC 9110 §13.1.1, §13.1.2): <c>*</c>, or a
/// comma-separated list of entity tags (§8.8.3), each <c>"opaque"</c> (strong) or <c>W/"opaque"</c> (weak), the
/// opaque text being visible ASCII other than <c>"</c>, or obs-text. Empty list elements are allowed (§5.6.1), and a
/// header sent on several lines is one list. Nothing here allocates, so a revalidation stays allocation-free.
/// </summary>
public static class EntityTagList
{
    /// <summary>Whether the field is <c>*</c>: any current representation.</summary>
    public static bool IsWildcard(StringValues field) => field.Count == 1 && field[0].AsSpan().Trim(EntityTagReader.Whitespace) is "*";

    /// <summary>Whether the field is absent, <c>*</c>, or a list of entity tags (possibly empty).</summary>
    public static bool IsWellFormed(StringValues field)
    {
        if (IsWildcard(field))
        {
            return true;
        }
        foreach (var line in field)
        {
            var reader = new EntityTagReader(line);
            while (reader.TryReadNext(out _, out _))
            {
            }
            if (reader.IsMalformed)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Whether a tag in the list matches <paramref name="etag"/> (quotes included, as sent in <c>ETag</c>): by
    /// strong comparison (both tags strong, same opaque text) or weak comparison (same opaque text) (§8.8.3.2).
    /// </summary>
    public static bool Contains(StringValues field, string etag, bool strongComparison)
    {
        var expected = etag.AsSpan(1, etag.Length - 2);
        foreach (var line in field)
        {
            var reader = new EntityTagReader(line);
            while (reader.TryReadNext(out var isWeak, out var opaqueTag))
            {
                if ((!strongComparison || !isWeak) && opaqueTag.SequenceEqual(expected))
                {
                    return true;
                }
            }
        }
        return false;
    }
}

/// <summary>Reads the entity tags of one line of an <c>If-Match</c>/<c>If-None-Match</c> list, left to right.</summary>
public ref struct EntityTagReader(string? line)
{
    /// <summary>OWS: spaces and horizontal tabs.</summary>
    public const string Whitespace = " \t";

    // etagc = %x21 / %x23-7E / obs-text (%x80-FF): everything from '!' to U+00FF except '"' and DEL.
    private static readonly SearchValues<char> OpaqueTagChars = SearchValues.Create(
        Enumerable.Range('!', 0xFF - '!' + 1).Where(c => c is not ('"' or 0x7F)).Select(c => (char)c).ToArray());

    private ReadOnlySpan<char> _rest = line;

    /// <summary>Set when reading stopped at text that is not an entity tag.</summary>
    public bool IsMalformed { get; private set; }

    /// <summary>Reads the next tag; false at the end of the line or at the first malformed element.</summary>
    /// <param name="isWeak">Whether the tag has the <c>W/</c> prefix.</param>
    /// <param name="opaqueTag">The text between the quotes.</param>
    public bool TryReadNext(out bool isWeak, out ReadOnlySpan<char> opaqueTag)
    {
        isWeak = false;
        opaqueTag = default;
        _rest = _rest.TrimStart(", \t"); // separators, OWS and empty elements
        if (_rest.IsEmpty || IsMalformed)
        {
            return false;
        }
        // The grammar says "W/" (%s, case-sensitive); "w/" is read as weak too, as .NET's own header parsers do.
        if (_rest is ['W' or 'w', '/', ..])
        {
            isWeak = true;
            _rest = _rest[2..];
        }
        var closingQuote = _rest is ['"', ..] ? _rest[1..].IndexOf('"') : -1;
        if (closingQuote < 0 || _rest.Slice(1, closingQuote).ContainsAnyExcept(OpaqueTagChars))
        {
            return Malformed();
        }
        opaqueTag = _rest.Slice(1, closingQuote);
        _rest = _rest[(closingQuote + 2)..].TrimStart(Whitespace);
        // A tag ends the line or is followed by a comma.
        return _rest.IsEmpty || _rest[0] == ',' || Malformed();
    }

    private bool Malformed()
    {
        IsMalformed = true;
        return false;
    }
}
