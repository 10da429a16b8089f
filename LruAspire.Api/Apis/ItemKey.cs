using System.Globalization;

namespace LruAspire.Api.Apis;

/// <summary>Validation of the <c>{key}</c> route segment: a positive 64-bit integer in plain decimal.</summary>
public static class ItemKey
{
    /// <summary>
    /// Accepts "1" .. "9223372036854775807". Rejects signs, whitespace, decimals, hex, zero and anything that
    /// overflows <see cref="long"/>, so every rejected key becomes a 400 instead of a surprise further down.
    /// </summary>
    public static bool TryParse(string? text, out long key) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out key) && key > 0;
}
