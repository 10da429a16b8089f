using LruAspire.Api.Apis;

namespace LruAspire.Api.Tests.Apis;

public class ItemKeyTests
{
    [Theory]
    [InlineData("1", 1L)]
    [InlineData("42", 42L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("007", 7L)]
    public void Accepts_positive_decimal_integers(string text, long expected)
    {
        Assert.True(ItemKey.TryParse(text, out var key));
        Assert.Equal(expected, key);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("9223372036854775808")]
    [InlineData("99999999999999999999999999999999999999")]
    [InlineData("١٢")] // Arabic-Indic digits are not ASCII digits
    public void Rejects_anything_else(string? text) => Assert.False(ItemKey.TryParse(text, out _));
}
