namespace LruAspire.LoadGen.Measurement;

/// <summary>
/// The thundering-herd view: in each round all users asked for one cold key at once; every response marked
/// MISS was a separate database read for the same row, while COALESCED ones shared such a read. With the API's
/// single-flight loading expect one read per round per API replica; without it, up to one per user.
/// </summary>
public sealed record HerdSummary(int Rounds, int UsersPerRound, double DatabaseReadsPerRound, long MaxDatabaseReadsInARound);
