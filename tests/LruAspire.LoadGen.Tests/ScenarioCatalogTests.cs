using LruAspire.LoadGen.Scenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LruAspire.LoadGen.Tests;

public sealed class ScenarioCatalogTests
{
    [Fact]
    public void The_load_generator_implements_every_catalog_entry_once_and_nothing_else()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddLoadGenerator();
        using var services = builder.Services.BuildServiceProvider();

        var implemented = services.GetServices<ILoadScenario>().Select(s => s.Description).ToList();

        Assert.Equal(ScenarioCatalog.All.Count, implemented.Count);
        Assert.Equal(ScenarioCatalog.All.ToHashSet(), implemented.ToHashSet());
    }

    [Fact]
    public void Every_default_profile_is_defined_in_the_shipped_appsettings()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();
        var profiles = configuration.GetSection("Load:Profiles").GetChildren().Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(ScenarioCatalog.All, scenario => Assert.Contains(scenario.DefaultProfile, profiles));
    }

    [Theory]
    [InlineData("READ-HOT", "read-hot")]
    [InlineData("compare", "compare")]
    public void Find_ignores_case(string name, string expected) =>
        Assert.Equal(expected, ScenarioCatalog.Find(name)?.Name);

    [Fact]
    public void None_is_not_a_scenario() => Assert.Null(ScenarioCatalog.Find(ScenarioCatalog.None));
}
