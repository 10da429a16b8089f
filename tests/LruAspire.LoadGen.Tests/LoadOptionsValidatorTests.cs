using Microsoft.Extensions.Configuration;

namespace LruAspire.LoadGen.Tests;

public class LoadOptionsValidatorTests
{
    [Fact]
    public void The_shipped_appsettings_are_valid_and_match_the_seed_run()
    {
        var options = Bind(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build());

        Assert.True(new LoadOptionsValidator().Validate(null, options).Succeeded);
        var load = options.Profiles["load"];
        Assert.Equal((200, 20.0, TimeSpan.FromMinutes(1)), (load.Users, load.SpawnRate, load.Duration));
        Assert.Equal("gentle", options.Profile);
    }

    [Theory]
    [InlineData("Load:Scenario", "read-warm", "Load:Scenario 'read-warm'")]
    [InlineData("Load:Profile", "huge", "Load:Profile 'huge'")]
    [InlineData("Load:Profiles:gentle:Users", "0", "Load:Profiles:gentle:")]
    [InlineData("Load:Profiles:gentle:ThinkTimeMin", "00:00:05", "ThinkTimeMax is less than ThinkTimeMin")]
    public void Mistakes_fail_validation(string key, string value, string message)
    {
        var options = Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Load:Profiles:gentle:Users"] = "1",
            ["Load:Profiles:gentle:ThinkTimeMax"] = "00:00:01",
            [key] = value,
        }).Build());
        options.Profile = key == "Load:Profile" ? value : "gentle";

        var result = new LoadOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    private static LoadOptions Bind(IConfiguration configuration)
    {
        var options = new LoadOptions();
        configuration.GetSection(LoadOptions.SectionName).Bind(options);
        return options;
    }
}
