using System.ComponentModel.DataAnnotations;

namespace LruAspire.LoadGen;

/// <summary>The <c>Load</c> configuration section: how much traffic the worker sends.</summary>
public sealed class LoadOptions
{
    public const string SectionName = "Load";

    /// <summary>Requests sent per second.</summary>
    [Range(0.1, 10_000)]
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>The run stops by itself after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Keys are drawn from 1..KeySpace.</summary>
    [Range(1, long.MaxValue)]
    public long KeySpace { get; set; } = 2_000;
}
