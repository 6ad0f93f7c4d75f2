using Computor.Git;
using Computor.Runner.Workspaces;
using Microsoft.Extensions.Options;

namespace Computor.RunnerSpecs;

public class When_a_repository_is_private
{
    const string Password = "glpat-specs-secret-4711";

    // Each with mirrors of its own: a commit one checkout fetched must not spare the next one its credentials.
    static Task Checkout(string url, string commit, string target, params GitCredential[] credentials) =>
        new GitCheckout(new GitCredentials(Options.Create(new GitCredentialOptions { Credentials = [.. credentials] })),
                new RepositoryMirrors(Options.Create(new GitOptions { MirrorDirectory = target + "-mirrors" })))
            .Checkout(url, commit, target, directory: null, CancellationToken.None);

    [Test]
    public async Task Should_fetch_with_the_configured_credentials_and_never_show_them()
    {
        using var git = new GitRepositories();
        var (_, commit) = git.Create("student.git", new Dictionary<string, string> { ["week1/solution.py"] = "x = 1\n" });
        await using var server = await PrivateGitServer.Start(git.Root, "runner", Password);
        var url = $"{server.Url}/student.git";
        var target = Path.Combine(git.Root, "checkouts");

        var runner = new GitCredential { UrlPrefix = server.Url + "/", Username = "runner", Password = Password };
        await Checkout(url, commit, Path.Combine(target, "with"), runner);
        Assert.That(File.ReadAllText(Path.Combine(target, "with", "week1", "solution.py")), Is.EqualTo("x = 1\n"));

        var old = new GitCredential { UrlPrefix = server.Url + "/", Username = "runner", Password = Password + "-old" };
        var wrong = Assert.ThrowsAsync<WorkspaceException>(() => Checkout(url, commit, Path.Combine(target, "wrong"), old));
        Assert.That(wrong!.Message, Does.StartWith($"cannot fetch {url}"));
        Assert.That(wrong.Message, Does.Not.Contain(Password));

        var none = Assert.ThrowsAsync<WorkspaceException>(() => Checkout(url, commit, Path.Combine(target, "none")));
        Assert.That(none!.Message, Does.StartWith($"cannot fetch {url}"));
    }
}
