using System.Text.Json;
using LruAspire.LoadGen.Scenarios;

namespace LruAspire.AppHost.LoadGen;

/// <summary>
/// Dashboard commands on the <c>loadgen</c> resource. The load generator is a long-running process with a small
/// HTTP control endpoint (<c>POST /runs/{scenario}</c>, <c>DELETE /runs/current</c>); each command is an Aspire
/// HTTP command against that endpoint, so the dashboard, <c>ResourceCommandService</c> and tests all start runs
/// the same way and the generator keeps its own state (one run at a time, progress and summary in its log).
/// </summary>
public static class LoadGenCommands
{
    public const string ControlEndpoint = "control";

    /// <summary>
    /// Adds the <c>control</c> endpoint, one "Run {scenario}" command (<c>run-{scenario}</c>) per
    /// <see cref="ScenarioCatalog"/> entry, and "Stop load run" (<c>stop-run</c>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithLoadRunCommands(this IResourceBuilder<ProjectResource> loadgen)
    {
        loadgen.WithHttpEndpoint(name: ControlEndpoint);

        foreach (var scenario in ScenarioCatalog.All)
        {
            loadgen.WithHttpCommand($"/runs/{scenario.Name}", $"Run {scenario.Name}", endpointName: ControlEndpoint, commandName: $"run-{scenario.Name}",
                commandOptions: new HttpCommandOptions
                {
                    Description = $"{scenario.Summary} Profile {scenario.DefaultProfile}.",
                    IconName = "Play",
                    GetCommandResult = ReadRunResponseAsync,
                });
        }

        loadgen.WithHttpCommand("/runs/current", "Stop load run", endpointName: ControlEndpoint, commandName: "stop-run",
            commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Delete,
                Description = "Cancel the run in progress; its partial numbers are not reported. Stopping a Run … command's run brings the gentle background load back; stopping the background load itself leaves the generator idle.",
                IconName = "Stop",
                GetCommandResult = ReadRunResponseAsync,
            });

        return loadgen;
    }

    /// <summary>Turns the control endpoint's answer into a command result the dashboard can show.</summary>
    private static async Task<ExecuteCommandResult> ReadRunResponseAsync(HttpCommandResultContext context)
    {
        using var response = context.Response;
        var body = await response.Content.ReadAsStringAsync(context.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The control endpoint answers errors with ProblemDetails; its "detail" says what to do.
            var detail = TryReadString(body, "detail") ?? $"The load generator answered {(int)response.StatusCode}.";
            return CommandResults.Failure(detail);
        }

        var message = $"Run {TryReadNumber(body, "id")} ({TryReadString(body, "scenario")}, profile {TryReadString(body, "profile")}): " +
            $"{TryReadString(body, "state")}. Progress and the summary are in the loadgen console log; the background load resumes when it ends.";
        return CommandResults.Success(message, body, CommandResultFormat.Json);
    }

    private static string? TryReadString(string json, string property) => Read(json, property)?.GetString();

    private static int? TryReadNumber(string json, string property) => Read(json, property)?.GetInt32();

    private static JsonElement? Read(string json, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty(property, out var value) ? value.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
