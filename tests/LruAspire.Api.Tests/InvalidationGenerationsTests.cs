using LruAspire.Api.Services;

namespace LruAspire.Api.Tests;

public class InvalidationGenerationsTests
{
    private readonly InvalidationGenerations _generations = new();

    [Fact]
    public void A_token_stays_current_until_its_key_is_invalidated()
    {
        var token = _generations.Capture(42);
        Assert.True(_generations.IsCurrent(42, token));

        _generations.Invalidate(42);

        Assert.False(_generations.IsCurrent(42, token));
    }

    [Fact]
    public void Invalidating_everything_outdates_every_token()
    {
        var one = _generations.Capture(1);
        var two = _generations.Capture(2);

        _generations.InvalidateAll();

        Assert.False(_generations.IsCurrent(1, one));
        Assert.False(_generations.IsCurrent(2, two));
    }

    [Fact]
    public void Neighbouring_keys_have_their_own_stripes()
    {
        var token = _generations.Capture(1);

        _generations.Invalidate(2);

        Assert.True(_generations.IsCurrent(1, token));
    }
}
