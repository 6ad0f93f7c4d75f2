using System.Text;
using Computor.Git;
using Computor.Release;
using Computor.RunnerSpecs;
using LibGit2Sharp;
using Microsoft.Extensions.Options;

namespace Computor.IntegrationSpecs;

/// <summary>Releases from several processes at once, through a git server as GitLab would serve them.</summary>
public class When_releases_from_several_processes_push_at_once
{
    [Test]
    public async Task Should_retry_a_refused_push_and_lose_no_release()
    {
        var root = Directory.CreateTempSubdirectory("computor-release-http-").FullName;
        try
        {
            Repository.Init(Path.Combine(root, "reference.git"), isBare: true);
            await using var server = await PrivateGitServer.Start(root, "computor", "release-secret");
            var url = $"{server.Url}/reference.git";
            var credentials = Options.Create(new GitCredentialOptions
            {
                Credentials = [new GitCredential { UrlPrefix = server.Url, Username = "computor", Password = "release-secret" }],
            });
            // One publisher per "process": nothing in common but the server.
            var releases = Enumerable.Range(1, 4).Select(i => Task.Run(() => new RepositoryPublisher()
                .Publish(new GitCredentials(credentials).Remote(url), "main", $"week{i}", [new TemplateFile($"week{i}/README.md", Encoding.UTF8.GetBytes($"{i}"))], $"Release week{i}")));
            await Task.WhenAll(releases);

            using var repository = new Repository(Path.Combine(root, "reference.git"));
            var weeks = repository.Branches["main"].Tip.Tree.Select(e => e.Name).Order();
            Assert.That(weeks, Is.EqualTo(new[] { "week1", "week2", "week3", "week4" }));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
