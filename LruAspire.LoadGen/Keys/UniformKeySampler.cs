namespace LruAspire.LoadGen.Keys;

/// <summary>Every key in 1..KeySpace equally likely: with a key space well above the cache capacity, most reads miss.</summary>
public sealed class UniformKeySampler : IKeySampler
{
    public UniformKeySampler(long keySpace)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keySpace, 1);
        KeySpace = keySpace;
    }

    public long KeySpace { get; }

    public long Next(Random random) => random.NextInt64(1, KeySpace + 1);
}
