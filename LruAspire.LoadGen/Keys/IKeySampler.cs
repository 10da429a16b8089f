namespace LruAspire.LoadGen.Keys;

/// <summary>Draws item keys (1..KeySpace) for a scenario. Implementations are immutable and thread-safe; each user passes its own <see cref="Random"/>.</summary>
public interface IKeySampler
{
    long KeySpace { get; }

    long Next(Random random);
}
