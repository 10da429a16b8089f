using LruAspire.LoadGen.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LruAspire.LoadGen.Apis;

/// <summary>
/// The control endpoint the AppHost's dashboard commands call: start a scenario, watch it, stop it. It accepts
/// scenario and profile names only, never a target, so the generator can only load the API it was given.
/// </summary>
public static class ControlApi
{
    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/runs").WithTags("Runs");
        group.MapPost("/{scenario}/{profile?}", StartRun).WithName("StartRun");
        group.MapGet("/", ListRuns).WithName("ListRuns");
        group.MapGet("/{id:int}", GetRun).WithName("GetRun");
        group.MapDelete("/current", StopCurrentRun).WithName("StopCurrentRun");
        return app;
    }

    /// <summary>Starts a run: 202 with its status, 409 while another on-demand run is going, 400 for unknown names.</summary>
    public static Results<Accepted<RunStatus>, ProblemHttpResult> StartRun(
        string scenario, string? profile, LoadRunCoordinator coordinator)
    {
        var result = coordinator.Start(scenario, profile);
        if (result.Run is { } run)
        {
            return TypedResults.Accepted($"/runs/{run.Id}", run.ToStatus());
        }
        if (result.BusyWith is { } busy)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "A run is in progress",
                detail: $"Run {busy.Id} ({busy.Scenario}, profile {busy.Profile}) is still running; stop it with DELETE /runs/current or wait.");
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown scenario or profile", detail: result.Error);
    }

    public static Ok<RunStatus[]> ListRuns(LoadRunCoordinator coordinator) =>
        TypedResults.Ok(coordinator.Runs.Select(r => r.ToStatus()).ToArray());

    public static Results<Ok<RunStatus>, NotFound> GetRun(int id, LoadRunCoordinator coordinator) =>
        coordinator.Find(id) is { } run ? TypedResults.Ok(run.ToStatus()) : TypedResults.NotFound();

    public static Results<Accepted<RunStatus>, NotFound> StopCurrentRun(LoadRunCoordinator coordinator) =>
        coordinator.CancelCurrent() is { } run ? TypedResults.Accepted($"/runs/{run.Id}", run.ToStatus()) : TypedResults.NotFound();
}
