using Computor.Git;
using Computor.Runner.Workspaces;
using Microsoft.Extensions.Options;

namespace Computor.RunnerSpecs;

public class When_a_repository_is_private
{
    const string Password = "glpat-specs-secret-4711";

    static GitCheckout Checkout(params GitCredential[] credentials) =>
        new(new GitCredentials(Options.Create(new GitCredentialOptions { Credentials = [.. credentials] })));

    [Test]
    public async Task Should_fetch_with_the_configured_credentials_and_never_show_them()
    {
        using var git = new GitRepositories();
        var (_, commit) = git.Create("student.git", new Dictionary<string, string> { ["week1/solution.py"] = "x = 1\n" });
        await using var server = await PrivateGitServer.Start(git.Root, "runner", Password);
        var url = $"{server.Url}/student.git";
        var target = Path.Combine(git.Root, "checkouts");

        Checkout(new GitCredential { UrlPrefix = server.Url + "/", Username = "runner", Password = Password })
            .Checkout(url, commit, Path.Combine(target, "with"));
        Assert.That(File.ReadAllText(Path.Combine(target, "with", "week1", "solution.py")), Is.EqualTo("x = 1\n"));

        var wrong = Assert.Throws<WorkspaceException>(() =>
            Checkout(new GitCredential { UrlPrefix = server.Url + "/", Username = "runner", Password = Password + "-old" })
                .Checkout(url, commit, Path.Combine(target, "wrong")));
        Assert.That(wrong!.Message, Does.StartWith($"cannot fetch {url}"));
        Assert.That(wrong.Message, Does.Not.Contain(Password));

        var none = Assert.Throws<WorkspaceException>(() => Checkout().Checkout(url, commit, Path.Combine(target, "none")));
        Assert.That(none!.Message, Does.StartWith($"cannot fetch {url}"));
    }
}
