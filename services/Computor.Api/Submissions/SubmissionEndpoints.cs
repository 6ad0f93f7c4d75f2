using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace Computor.Api.Submissions;

/// <summary>The client's upload path: <c>/submissions/artifacts</c>.</summary>
static class SubmissionEndpoints
{
    public sealed record ArtifactUpdate(bool? Submit);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/submissions/artifacts", (HttpRequest request, SubmissionArtifacts artifacts, ClaimsPrincipal caller, CancellationToken ct) =>
            artifacts.Upload(request, caller, ct));

        api.MapGet("/submissions/artifacts", ([FromQuery(Name = "submission_group_id")] Guid? groupId,
            [FromQuery(Name = "version_identifier")] string? version, [FromQuery(Name = "submit")] bool? submit,
            SubmissionArtifacts artifacts, ClaimsPrincipal caller, CancellationToken ct) => artifacts.List(groupId, version, submit, caller, ct));

        api.MapGet("/submissions/artifacts/{id:guid}", async (Guid id, SubmissionArtifacts artifacts, ClaimsPrincipal caller, CancellationToken ct) =>
            await artifacts.Visible(id, caller, ct) is var (artifact, _, _) ? Results.Ok(ArtifactView.Of(artifact)) : SubmissionArtifacts.NotFound());

        api.MapPatch("/submissions/artifacts/{id:guid}", (Guid id, ArtifactUpdate body, SubmissionArtifacts artifacts, ClaimsPrincipal caller,
            CancellationToken ct) => body.Submit is true
                ? artifacts.MarkSubmitted(id, caller, ct)
                : Task.FromResult(ApiProblem.Invalid("submit", "only true is accepted: it marks this artifact as the official submission")));
    }
}
