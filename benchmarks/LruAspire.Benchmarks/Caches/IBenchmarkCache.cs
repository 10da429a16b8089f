namespace LruAspire.Benchmarks.Caches;

/// <summary>
/// The two operations every compared cache supports, so one benchmark body drives them all. The interface call
/// costs the same for every cache, so it shifts all results equally rather than favouring one.
/// </summary>
public interface IBenchmarkCache
{
    bool TryGet(string key, out byte[]? value);

    void Set(string key, byte[] value);
}
