namespace Computor.Release;

/// <summary>A level of the course hierarchy: its path on the git server and its title.</summary>
public sealed record CourseLevel(string Path, string Title);

/// <summary>Where a course sits: organization, course family, course.</summary>
public sealed record CoursePlace(CourseLevel Organization, CourseLevel Family, CourseLevel Course)
{
    public string FullPath => $"{Organization.Path}/{Family.Path}/{Course.Path}";
}
