using Microsoft.AspNetCore.Http.HttpResults;

namespace LruAspire.Api.Apis;

/// <summary>One RFC 9457 problem the API answers with: its status, title and detail.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Title">A short, stable summary of the problem type.</param>
/// <param name="Detail">What went wrong with this request, and how to fix it.</param>
public sealed record ApiProblem(int Status, string Title, string Detail)
{
    /// <summary>The problem as a typed endpoint result (<c>application/problem+json</c>).</summary>
    public ProblemHttpResult ToResult() => TypedResults.Problem(statusCode: Status, title: Title, detail: Detail);
}
