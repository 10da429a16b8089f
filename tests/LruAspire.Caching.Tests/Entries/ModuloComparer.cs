namespace LruAspire.Caching.Tests.Entries;

/// <summary>Hashes an integer by itself mod <paramref name="hashes"/> (negative for negative keys), so many keys share a chain.</summary>
internal sealed class ModuloComparer(int hashes) : IEqualityComparer<int>
{
    public bool Equals(int x, int y) => x == y;

    public int GetHashCode(int obj) => obj % hashes;
}
