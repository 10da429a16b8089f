using System.ComponentModel.DataAnnotations;

namespace LruAspire.LoadGen;

/// <summary>The <c>Load</c> configuration section: what runs at start, the named profiles, where results go.</summary>
public sealed class LoadOptions
{
    public const string SectionName = "Load";

    /// <summary>The scenario started with the process (<see cref="Scenarios.ScenarioCatalog"/>), or <c>none</c>.</summary>
    [Required]
    public string Scenario { get; set; } = "read-hot";

    /// <summary>The profile of the run started with the process.</summary>
    [Required]
    public string Profile { get; set; } = "gentle";

    /// <summary>Stop the process when the startup run ends (for scripts: one run, one JSON file, exit).</summary>
    public bool ExitWhenDone { get; set; }

    /// <summary>Sent as <c>X-Api-Key</c> on the writes of the <c>mixed</c> scenario.</summary>
    public string? WriteKey { get; set; }

    /// <summary>Run summaries are written here as JSON; relative paths are under the content root.</summary>
    [Required]
    public string ResultsDirectory { get; set; } = "results";

    /// <summary>How often a running phase logs its progress.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Share of the generator's traces that are recorded (and, through the trace context, the API's).</summary>
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 0.01;

    /// <summary>Named knob sets, chosen per run (<c>gentle</c>, <c>load</c>, <c>saturate</c> in appsettings.json).</summary>
    public Dictionary<string, LoadProfile> Profiles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
