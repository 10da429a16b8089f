using System.ComponentModel.DataAnnotations;
using LruAspire.LoadGen.Scenarios;
using Microsoft.Extensions.Options;

namespace LruAspire.LoadGen;

/// <summary>
/// Checks what data annotations cannot reach: every profile in the dictionary, and that the startup run names a
/// known scenario and profile, so a typo fails at start instead of at the first dashboard click.
/// </summary>
public sealed class LoadOptionsValidator : IValidateOptions<LoadOptions>
{
    public ValidateOptionsResult Validate(string? name, LoadOptions options)
    {
        var failures = new List<string>();
        foreach (var (profileName, profile) in options.Profiles)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(profile, new ValidationContext(profile), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"Load:Profiles:{profileName}: {r.ErrorMessage}"));
            }
            if (profile.ThinkTimeMax < profile.ThinkTimeMin)
            {
                failures.Add($"Load:Profiles:{profileName}: ThinkTimeMax is less than ThinkTimeMin.");
            }
        }

        if (!string.Equals(options.Scenario, ScenarioCatalog.None, StringComparison.OrdinalIgnoreCase))
        {
            if (ScenarioCatalog.Find(options.Scenario) is null)
            {
                failures.Add($"Load:Scenario '{options.Scenario}' is not one of {ScenarioCatalog.KnownNames} or none.");
            }
            if (!options.Profiles.ContainsKey(options.Profile))
            {
                failures.Add($"Load:Profile '{options.Profile}' is not defined under Load:Profiles.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
