using Computor.Git;
using LibGit2Sharp;

namespace Computor.Release;

/// <summary>
/// Courses without GitLab: bare repositories under <see cref="LocalGitOptions.Root"/>, groups as folders
/// (<c>{organization}/{family}/{course}/assignments.git</c>, <c>.../students/{name}.git</c>), a student's
/// repository a clone of the template. The API serves them over smart HTTP and decides who may read and
/// push (the student their own repository); releases push through it like any client.
/// </summary>
public sealed class LocalGitProvider(LocalGitOptions options) : IGitProvider
{
    static readonly string[] CourseProjects = ["assignments", "student-template", "reference"];

    public Task<CourseRepositories> EnsureCourse(CoursePlace place, CancellationToken cancellationToken)
    {
        foreach (var project in CourseProjects)
            EnsureBare(Disk($"{place.FullPath}/{project}"));
        return Task.FromResult(new CourseRepositories(place.FullPath, Remote($"{place.FullPath}/assignments"),
            Remote($"{place.FullPath}/student-template"), Remote($"{place.FullPath}/reference")));
    }

    public Task<StudentRepository> EnsureStudentRepository(CoursePlace place, StudentAccount student, CancellationToken cancellationToken)
    {
        var fullPath = $"{place.FullPath}/students/{student.RepositoryPath}";
        var target = Disk(fullPath);
        if (!Directory.Exists(target))
        {
            var template = Disk($"{place.FullPath}/student-template");
            if (!Directory.Exists(template))
                throw new ReleaseException($"the course {place.FullPath} is not deployed: its student template is missing");
            // Cloned beside the target and moved into place, so a half-made repository is never served.
            var staging = $"{target}.{Guid.NewGuid():N}.tmp";
            try
            {
                Repository.Clone(template, staging, new CloneOptions { IsBare = true });
                using (var repository = new Repository(staging))
                {
                    repository.Network.Remotes.Remove("origin");
                    repository.Refs.UpdateTarget("HEAD", "refs/heads/main");
                }
                Directory.Move(staging, target);
            }
            catch (Exception e) when (e is LibGit2SharpException or IOException)
            {
                if (Directory.Exists(staging))
                    Directory.Delete(staging, recursive: true);
                if (!Directory.Exists(target))
                    throw new ReleaseException($"cannot create the repository {fullPath}: {e.Message}");
            }
        }
        var url = Url(fullPath);
        return Task.FromResult(new StudentRepository(url, fullPath, url[..^4], url, null));
    }

    void EnsureBare(string path)
    {
        if (Directory.Exists(path))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Repository.Init(path, isBare: true);
        using var repository = new Repository(path);
        repository.Refs.UpdateTarget("HEAD", "refs/heads/main");
    }

    string Disk(string fullPath)
    {
        if (!options.IsConfigured)
            throw new ReleaseException("the local git provider is not configured: set LocalGit__Root and LocalGit__PublicUrl");
        return Path.Combine(options.Root, fullPath + ".git");
    }

    string Url(string fullPath) => $"{options.PublicUrl.TrimEnd('/')}/{fullPath}.git";

    GitRemote Remote(string fullPath) =>
        new(Url(fullPath), options.Token.Length > 0 ? new GitCredential { UrlPrefix = options.PublicUrl, Username = "computor", Password = options.Token } : null);
}
