using System.Security.Claims;
using Computor.Api.Auth;
using Computor.Git;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Computor.Api.Git;

/// <summary>
/// The local git provider's repositories over smart HTTP at <c>/git/{course}/{project}.git</c> and
/// <c>/git/{course}/students/{name}.git</c>. A student reads and pushes their own repository; tutors read
/// and lecturers push everything in their course; anything else looks like it does not exist.
/// </summary>
static class GitEndpoints
{
    public const long MaxPushBytes = 200L * 1024 * 1024;
    static readonly string[] CourseProjects = ["assignments", "student-template", "reference"];

    public static void Map(WebApplication app) =>
        app.Map(ApiTokenAuthentication.GitPath + "/{**path}", async (HttpContext context, string path, ComputorDb db,
            IOptions<LocalGitOptions> options, ClaimsPrincipal caller) =>
        {
            if (!options.Value.IsConfigured)
                return ApiProblem.NotFound("repository");
            // The repository ends at the first segment named *.git ("ada.github.git/info/refs" is ada.github.git).
            var end = path.IndexOf(".git/", StringComparison.Ordinal);
            if (end < 0 && path.EndsWith(".git", StringComparison.Ordinal))
                end = path.Length - 4;
            if (end <= 0)
                return ApiProblem.NotFound("repository");
            var repository = path[..end];
            var segments = repository.Split('/');
            if (segments.Length is not (4 or 5) || !segments.All(Validation.IsPathSegment)
                || segments.Length == 5 && segments[3] != "students" || segments.Length == 4 && !CourseProjects.Contains(segments[3]))
                return ApiProblem.NotFound("repository");
            var push = context.Request.Query["service"] == "git-receive-pack" || path.EndsWith("/git-receive-pack", StringComparison.Ordinal);
            if (!await MayUse(db, caller, string.Join('/', segments[..3]), repository, segments.Length == 5, push, context.RequestAborted)
                || !Directory.Exists(Path.Combine(options.Value.Root, repository + ".git")))
                return ApiProblem.NotFound("repository");

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = MaxPushBytes;
            await GitHttpBackend.Serve(context, options.Value.Root, "/" + path, caller.Identity?.Name ?? "computor");
            return Results.Empty;
        });

    static async Task<bool> MayUse(ComputorDb db, ClaimsPrincipal caller, string coursePath, string repository, bool isStudentRepository,
        bool push, CancellationToken ct)
    {
        var courseId = await db.Courses.Where(c => c.FullPath == coursePath).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        if (courseId is null)
            return false;
        if (caller.IsAdmin())
            return true;
        var role = await caller.RoleIn(db, courseId.Value, ct);
        if (role >= (push ? CourseRole.Lecturer : CourseRole.Tutor))
            return true;
        var userId = caller.UserId();
        return isStudentRepository
            && await db.CourseMembers.AnyAsync(m => m.CourseId == courseId && m.UserId == userId && m.Repository.FullPath == repository, ct);
    }
}
