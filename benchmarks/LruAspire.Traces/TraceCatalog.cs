namespace LruAspire.Traces;

/// <summary>
/// The traces of <c>../shared/traces/README.md</c> that it lists capacities for, with those capacities and its
/// reference hit ratios (%). The LIRS traces cpp, zigzag, scan and backf are readable too
/// (<see cref="TraceFormat.Lirs"/>) but have no listed capacities, so they are not in the catalogue.
/// </summary>
public static class TraceCatalog
{
    private static readonly int[] LirsCapacities = [128, 256, 512, 1_024];

    /// <summary>Every catalogued trace, in the README's order; the largest is w106 (5.3 M requests).</summary>
    public static IReadOnlyList<TraceInfo> All { get; } =
    [
        // All seven listed capacities: the whole trace comparison takes about 1.5 minutes on 2 cores, so none is dropped.
        new("OLTP", "arc/OLTP.lis", TraceFormat.Arc,
        [
            new(250, Lru: 16.47, WTinyLfu: 24.88),
            new(500, Lru: 23.45, WTinyLfu: 33.73),
            new(1_000, Lru: 32.83, WTinyLfu: 40.01, Min: 53.61),
            new(2_000, Lru: 42.47, WTinyLfu: 46.09, Min: 60.40),
            new(5_000, Lru: 53.65, Min: 68.27),
            new(10_000, Lru: 60.70, Min: 73.02),
            new(15_000, Lru: 64.63, Min: 75.13),
        ]),
        new("glimpse", "lirs/gli.trace", TraceFormat.Lirs,
            Zip([250, 500, 750, 1_000, 1_250, 1_500, 1_750, 2_000],
                lru: [0.91, 0.95, 1.15, 11.21, 21.25, 36.56, 45.04, 57.41],
                min: [17.64, 34.26, 46.10, 53.13, 57.29, 57.96, 57.96, 57.96])),
        Lirs("multi1", lru: [23.09, 43.05, 46.66, 48.24], min: [49.24, 52.63, 59.09, 72.00]),
        Lirs("multi2", lru: [9.60, 24.54, 36.37, 47.87], min: [37.90, 46.96, 53.83, 62.52]),
        Lirs("multi3", lru: [8.17, 18.19, 32.78, 38.35], min: [33.92, 42.38, 49.08, 56.60]),
        Lirs("2_pools", lru: [26.86, 42.18, 51.22, 54.54], min: [53.21, 58.07, 63.01, 68.73]),
        Lirs("sprite", lru: [27.37, 49.90, 78.94, 90.73], min: [57.23, 75.06, 88.20, 93.31]),
        Lirs("cs", lru: [1.83, 1.83, 1.83, 1.83], min: [9.38, 16.93, 32.03, 62.23]),
        Lirs("ps", lru: [12.19, 13.06, 48.55, 48.55], min: [36.50, 53.43, 58.33, 68.13]),
        new("loop", "lirs/loop.trace", TraceFormat.Lirs,
            Zip([256, 512, 1_024], lru: [0.00, 0.00, 99.80], min: null)),
        new("w106", "caffeine/w106.trace", TraceFormat.UInt32BigEndian,
            Zip([10_000, 50_000, 100_000], lru: [83.81, 93.34, 93.75], min: null)),
        // Every key occurs at most twice, the second time soon after the first: LRU gets every possible hit.
        new("vaultservice", "caffeine/trace_vaultservice", TraceFormat.Int64BigEndian,
            Zip([128, 1_024, 10_000], lru: [33.33, 33.33, 33.33], min: null)),
        new("scarab-recs", "caffeine/scarab-recs.trace", TraceFormat.Int64BigEndian,
        [
            new(100_000, Lru: 75.91, WTinyLfu: 72.08, Min: 79.25),
        ]),
    ];

    /// <summary>The trace called <paramref name="name"/> (ordinal, case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No catalogued trace has that name.</exception>
    public static TraceInfo Get(string name) =>
        All.FirstOrDefault(trace => string.Equals(trace.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No catalogued trace is called '{name}'.");

    private static TraceInfo Lirs(string name, double[] lru, double[] min) =>
        new(name, $"lirs/{name}.trace", TraceFormat.Lirs, Zip(LirsCapacities, lru, min));

    private static TraceCapacity[] Zip(int[] capacities, double[] lru, double[]? min) =>
        [.. capacities.Select((capacity, i) => new TraceCapacity(capacity, Lru: lru[i], Min: min?[i]))];
}
