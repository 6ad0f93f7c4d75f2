using LibGit2Sharp;

namespace Computor.RunnerSpecs;

/// <summary>Real git repositories on disk for workspace specs.</summary>
public sealed class GitRepositories : IDisposable
{
    readonly DirectoryInfo root = Directory.CreateTempSubdirectory("computor-git-");

    public string Root => root.FullName;

    /// <summary>A commit holding the files, in a repository made on first use; returns its path and the commit id.</summary>
    public (string Path, string Commit) Create(string name, IReadOnlyDictionary<string, string> files)
    {
        var path = System.IO.Path.Combine(Root, name);
        Repository.Init(path);
        using var repository = new Repository(path);
        foreach (var (file, content) in files)
        {
            var full = System.IO.Path.Combine(path, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            Commands.Stage(repository, file);
        }
        var author = new Signature("Specs", "specs@example.test", DateTimeOffset.UtcNow);
        return (path, repository.Commit("release", author, author).Sha);
    }

    public void Dispose()
    {
        root.Delete(recursive: true);
    }
}
