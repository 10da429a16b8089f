using System.ComponentModel.DataAnnotations;

namespace LruAspire.LoadGen;

/// <summary>
/// Locust-like knobs for one run: closed-loop users spawned at a rate, each sending a request, waiting a think
/// time and sending the next, until the duration or the request budget runs out (whichever comes first).
/// </summary>
public sealed class LoadProfile
{
    [Range(1, 10_000)]
    public int Users { get; set; } = 1;

    /// <summary>Users started per second until <see cref="Users"/> run.</summary>
    [Range(0.1, 10_000)]
    public double SpawnRate { get; set; } = 1;

    /// <summary>Every run is bounded by time; a phase stops after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Optional request budget per phase; 0 means only <see cref="Duration"/> bounds the phase.</summary>
    [Range(0, long.MaxValue)]
    public long Requests { get; set; }

    /// <summary>Each user pauses a uniform random time in [min, max] between its requests; 0/0 is a closed loop.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ThinkTimeMin { get; set; }

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ThinkTimeMax { get; set; }

    /// <summary>Keys are drawn from 1..KeySpace; keep it within the seeded rows or reads become 404s.</summary>
    [Range(1, long.MaxValue)]
    public long KeySpace { get; set; } = 10_000;

    /// <summary>P(key k) ∝ 1/k^s for the Zipf scenarios; 0 is uniform, larger is more skewed.</summary>
    [Range(0.0, 10.0)]
    public double ZipfExponent { get; set; } = 1.0;

    /// <summary>Share of <c>mixed</c> requests that are writes.</summary>
    [Range(0.0, 1.0)]
    public double WriteShare { get; set; } = 0.05;
}
