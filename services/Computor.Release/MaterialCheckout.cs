using Computor.Git;
using LibGit2Sharp;

namespace Computor.Release;

/// <summary>The course's material: a checkout of its assignments repository's branch at its current commit.</summary>
public sealed class MaterialCheckout : IDisposable
{
    MaterialCheckout(string directory, string commit) => (Directory, Commit) = (directory, commit);

    public string Directory { get; }
    public string Commit { get; }

    public static MaterialCheckout Clone(GitRemote assignments, string branch)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("computor-material-").FullName;
        try
        {
            var options = new CloneOptions { BranchName = branch, Checkout = true };
            options.FetchOptions.CredentialsProvider = assignments.Handler;
            Repository.Clone(assignments.Url, directory, options);
            using var repository = new Repository(directory);
            var commit = repository.Head.Tip?.Sha
                ?? throw new ReleaseException($"{assignments.Describe()} has no commit on {branch}: push the course's material first");
            System.IO.Directory.Delete(Path.Combine(directory, ".git"), recursive: true);
            return new MaterialCheckout(directory, commit);
        }
        catch (Exception e) when (e is LibGit2SharpException or ReleaseException)
        {
            DeleteQuietly(directory);
            throw e is ReleaseException ? e : new ReleaseException(
                $"cannot read the course's material from {assignments.Describe()}: {assignments.Redact(e.Message)}");
        }
    }

    public void Dispose() => DeleteQuietly(Directory);

    static void DeleteQuietly(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
