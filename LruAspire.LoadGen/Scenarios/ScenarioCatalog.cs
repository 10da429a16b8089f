namespace LruAspire.LoadGen.Scenarios;

/// <summary>
/// The one list of load scenarios: each one's name (as in <c>Load:Scenario</c>, <c>POST /runs/{scenario}</c>
/// and the dashboard's "Run {scenario}" command), the profile a run uses when it names none, and what it sends.
/// </summary>
/// <remarks>
/// The AppHost compiles this same file (linked in its project) to add one dashboard command per entry, so a new
/// scenario is one entry here plus its <see cref="ILoadScenario"/> class, which names its entry. The file uses
/// nothing but the base library for that reason.
/// </remarks>
public static class ScenarioCatalog
{
    /// <summary>As <c>Load:Scenario</c>: start idle and wait for a command.</summary>
    public const string None = "none";

    public static ScenarioDescription ReadHot { get; } = new("read-hot", "load",
        "Zipf-distributed reads over the seeded keys (profile load is the seed's Locust run: 200 users, 20/s, 60 s).");

    public static ScenarioDescription ReadCold { get; } = new("read-cold", "load",
        "Uniform reads over a key space ten times the cache: constant eviction.");

    public static ScenarioDescription Mixed { get; } = new("mixed", "load",
        "Zipf reads plus a share of writes (PUT with X-Api-Key).");

    public static ScenarioDescription Herd { get; } = new("herd", "load",
        "Rounds of all users reading the same cold key at once: how many database reads a herd costs.");

    public static ScenarioDescription Compare { get; } = new("compare", "saturate",
        "The same keys from the cache and from PostgreSQL (Cache-Control: no-cache), two phases: the API's cache vs database ratio.");

    public static ScenarioDescription Revalidate { get; } = new("revalidate", "saturate",
        "The same keys as 200 and as 304 (If-None-Match), from the cache and from PostgreSQL, four phases: what HTTP revalidation saves.");

    public static IReadOnlyList<ScenarioDescription> All { get; } = [ReadHot, ReadCold, Mixed, Herd, Compare, Revalidate];

    /// <summary>The entry named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ScenarioDescription? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The known names, comma-separated, for error messages.</summary>
    public static string KnownNames => string.Join(", ", All.Select(s => s.Name));
}

/// <summary>One entry of <see cref="ScenarioCatalog"/>.</summary>
/// <param name="Name">Lower-case, dash-separated; part of URLs and command names.</param>
/// <param name="DefaultProfile">A key of <c>Load:Profiles</c>, used when a run names no profile.</param>
/// <param name="Summary">One sentence for the dashboard command and the docs.</param>
public sealed record ScenarioDescription(string Name, string DefaultProfile, string Summary);
