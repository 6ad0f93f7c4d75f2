using Computor.Git;
using Computor.GitLab;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Computor.Persistence.Secrets;
using Computor.Release;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Computor.System.Release;

/// <summary>A course's place in its git provider, and that provider, from the organization's settings.</summary>
public sealed class CourseGit(ComputorDb db, GitLabConnector gitlab, TokenCipher tokens, IOptions<LocalGitOptions> local)
{
    public sealed record Target(Course Course, CoursePlace Place, IGitProvider Provider);

    public async Task<Target> For(Guid courseId, CancellationToken cancellationToken)
    {
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken)
            ?? throw new ReleaseException($"course {courseId} does not exist");
        var family = await db.CourseFamilies.AsNoTracking().SingleAsync(f => f.Id == course.CourseFamilyId, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == course.OrganizationId, cancellationToken);
        var place = new CoursePlace(new CourseLevel(organization.Path, organization.Title), new CourseLevel(family.Path, family.Title),
            new CourseLevel(course.Path, course.Title));
        return new Target(course, place, Provider(organization));
    }

    IGitProvider Provider(Organization organization) => organization.GitProvider switch
    {
        GitProviders.GitLab when organization is { GitlabUrl: { } url, GitlabTokenCipher: { } cipher } => GitLab(url, tokens.Decrypt(cipher)),
        GitProviders.GitLab => throw new ReleaseException($"organization {organization.Path} uses GitLab but has no GitLab URL and token"),
        GitProviders.Local => new LocalGitProvider(local.Value),
        _ => throw new ReleaseException($"organization {organization.Path}: unknown git provider '{organization.GitProvider}'"),
    };

    GitLabProvider GitLab(string url, string token) => new(gitlab.Connect(url, token), token);
}
