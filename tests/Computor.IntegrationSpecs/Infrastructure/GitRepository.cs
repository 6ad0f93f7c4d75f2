namespace Computor.IntegrationSpecs.Infrastructure;

/// <summary>A real git repository on disk, reached by the runner through a file:// URL as it would reach GitLab.</summary>
sealed class GitRepository : IDisposable
{
    readonly DirectoryInfo root = Directory.CreateTempSubdirectory("computor-repo-");

    public string Folder => root.FullName;

    public string Url => new Uri(root.FullName + "/").AbsoluteUri.TrimEnd('/');

    public static async Task<GitRepository> Create()
    {
        var repository = new GitRepository();
        await repository.Git("init", "-q", "-b", "main");
        return repository;
    }

    /// <summary>A working copy of a remote repository (empty or not), as a lecturer or student clones it.</summary>
    public static async Task<GitRepository> Clone(string url)
    {
        var repository = new GitRepository();
        try
        {
            await Shell.Run("git", "clone", "-q", url, repository.root.FullName);
            if ((await repository.Git("branch", "-r", "--list", "origin/main")).Length > 0)
                await repository.Git("checkout", "-q", "-B", "main", "origin/main");
            else
                await repository.Git("symbolic-ref", "HEAD", "refs/heads/main");
            return repository;
        }
        catch
        {
            // Specs expect some clones to be refused: the folder must not outlive them.
            repository.Dispose();
            throw;
        }
    }

    /// <summary>Pushes the current commit to the clone's origin as <c>main</c>.</summary>
    public Task Push() => Git("push", "-q", "origin", "HEAD:main");

    /// <summary>Writes the files (path to content) and commits them; returns the commit id.</summary>
    public async Task<string> Commit(IReadOnlyDictionary<string, string> files, string message = "update")
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(root.FullName, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }
        await Git("add", "-A");
        await Git("-c", "user.name=Specs", "-c", "user.email=specs@example.test", "commit", "-q", "--allow-empty", "-m", message);
        return await Git("rev-parse", "HEAD");
    }

    Task<string> Git(params string[] args) => Shell.Run("git", ["-C", root.FullName, .. args]);

    public void Dispose()
    {
        root.Delete(recursive: true);
    }
}
