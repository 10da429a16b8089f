namespace LruAspire.LoadGen.Scenarios;

/// <summary>The scenario names accepted in configuration and by the control endpoint.</summary>
public static class ScenarioNames
{
    public const string ReadHot = "read-hot";
    public const string ReadCold = "read-cold";
    public const string Mixed = "mixed";
    public const string Herd = "herd";
    public const string Compare = "compare";

    /// <summary>As <c>Load:Scenario</c>: start idle and wait for a command.</summary>
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [ReadHot, ReadCold, Mixed, Herd, Compare];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.OrdinalIgnoreCase);
}
