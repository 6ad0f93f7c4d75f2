using Computor.Contracts.Release;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Computor.Persistence.Sagas;
using Computor.Persistence.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Release;

/// <summary>
/// Applies a deploy document: organization, course family and course found by path or created (titles and
/// git settings updated), members enrolled, then the deploy flow started for the course's repositories.
/// Applying the same document again changes nothing but starts a deploy that finds everything in place.
/// </summary>
sealed class CourseDeploy(ComputorDb db, Enrolment enrolment, ReleaseRequests releases, TokenCipher tokens, TimeProvider clock)
{
    public sealed record Deployed(Guid Id, string Flow, string Status, string StatusUrl, Guid OrganizationId, Guid CourseFamilyId, Guid CourseId);

    public async Task<IResult> Apply(DeployDocument document, CancellationToken ct)
    {
        if (document.Git.Token is not null && !tokens.IsConfigured)
            return ApiProblem.BadRequest("DEPLOY_002", "COMPUTOR_TOKEN_SECRET is not set on the API: it cannot store the GitLab token");
        var now = clock.GetUtcNow();
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Path == document.Organization.Path, ct);
        if (organization is null)
        {
            organization = new Organization { Path = document.Organization.Path, Title = document.Organization.Title, CreatedAt = now };
            db.Organizations.Add(organization);
        }
        organization.Title = document.Organization.Title;
        organization.GitProvider = document.Git.Provider;
        organization.GitlabUrl = document.Git.Url?.TrimEnd('/');
        if (document.Git.Token is { } token)
            organization.GitlabTokenCipher = tokens.Encrypt(token);

        var family = await db.CourseFamilies.SingleOrDefaultAsync(f => f.OrganizationId == organization.Id && f.Path == document.Family.Path, ct);
        if (family is null)
        {
            family = new CourseFamily { OrganizationId = organization.Id, Path = document.Family.Path, Title = document.Family.Title, CreatedAt = now };
            db.CourseFamilies.Add(family);
        }
        family.Title = document.Family.Title;

        var course = await db.Courses.SingleOrDefaultAsync(c => c.CourseFamilyId == family.Id && c.Path == document.Course.Path, ct);
        if (course is null)
        {
            course = new Course
            {
                CourseFamilyId = family.Id, OrganizationId = organization.Id, Path = document.Course.Path, Title = document.Course.Title,
                CreatedAt = now,
            };
            db.Courses.Add(course);
        }
        course.Title = document.Course.Title;
        course.ProviderUrl = organization.GitlabUrl;

        var enrolled = await enrolment.Enrol(course.Id, document.Members, studentsNeedEmail: false, ct);
        if (enrolled.Problems.Count > 0)
            return ReleaseProblems.Invalid(enrolled.Problems);
        var started = releases.Start(ReleaseFlows.DeployCourse, course.Id, total: null,
            id => new DeployCourse { CorrelationId = id, CourseId = course.Id, ReleaseContents = document.ReleaseContents });
        if (await db.SaveUnique("organization, course family or course", ct) is { } conflict)
            return conflict;
        return Results.Accepted(started.StatusUrl, new Deployed(started.Id, started.Flow, started.Status, started.StatusUrl, organization.Id, family.Id, course.Id));
    }
}
