namespace LruAspire.LoadGen.Measurement;

/// <summary>
/// The thundering-herd view: in each round all users asked for one cold key at once; every response marked
/// MISS was a separate database read for the same row. Without request coalescing expect up to one per user.
/// </summary>
public sealed record HerdSummary(int Rounds, int UsersPerRound, double DatabaseReadsPerRound, long MaxDatabaseReadsInARound);
