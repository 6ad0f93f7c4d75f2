using System.Text;
using Computor.Git;
using Computor.GitLab;
using Computor.IntegrationSpecs.Infrastructure;
using Computor.Release;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Computor.IntegrationSpecs;

/// <summary>The GitLab client over HTTP against a GitLab-compatible server with real repositories.</summary>
public class When_releases_talk_to_gitlab
{
    GitLabTestServer gitlab = null!;
    IHost host = null!;
    GitLabClient client = null!;

    [SetUp]
    public async Task Start()
    {
        gitlab = await GitLabTestServer.Start();
        host = Client();
        client = host.Services.GetRequiredService<GitLabConnector>().Connect(gitlab.Url, GitLabTestServer.Token);
    }

    [TearDown]
    public async Task Stop()
    {
        host.Dispose();
        await gitlab.DisposeAsync();
    }

    IHost Client()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitLab:RetryDelay"] = "00:00:00.010", ["GitLab:Retries"] = "3",
            ["GitLab:ImportPoll"] = "00:00:00.010",
        });
        builder.AddGitLab();
        return builder.Build();
    }

    [Test]
    public async Task Should_create_the_course_hierarchy_once_and_find_it_again()
    {
        async Task<(GitLabGroup, GitLabProject)> Deploy()
        {
            var organization = await client.EnsureGroup("tu-demo", "TU Demo", null, CancellationToken.None);
            var family = await client.EnsureGroup("progfam", "Programming", organization, CancellationToken.None);
            var course = await client.EnsureGroup("prog1", "Programming 1", family, CancellationToken.None);
            await client.EnsureGroup("students", "Students", course, CancellationToken.None);
            return (course, await client.EnsureProject("assignments", "Assignments", course, CancellationToken.None));
        }
        var (course, assignments) = await Deploy();
        var (again, sameProject) = await Deploy();

        Assert.That(course.FullPath, Is.EqualTo("tu-demo/progfam/prog1"));
        Assert.That(assignments.PathWithNamespace, Is.EqualTo("tu-demo/progfam/prog1/assignments"));
        Assert.That((again.Id, sameProject.Id), Is.EqualTo((course.Id, assignments.Id)), "nothing is created twice");

        var pushed = new RepositoryPublisher().Publish(new GitRemote(assignments.HttpUrlToRepo, null), "main", "week1", [new TemplateFile("week1/README.md", Encoding.UTF8.GetBytes("# Week 1\n"))], "Release week1");
        Assert.That(pushed.Changed, "the project's repository takes a release");
    }

    [Test]
    public async Task Should_give_a_student_a_finished_fork_of_the_template_to_push_to()
    {
        var course = await client.EnsureGroup("prog1", "Programming 1", null, CancellationToken.None);
        var students = await client.EnsureGroup("students", "Students", course, CancellationToken.None);
        var template = await client.EnsureProject("student-template", "Student template", course, CancellationToken.None);
        var released = new RepositoryPublisher().Publish(new GitRemote(template.HttpUrlToRepo, null), "main", "week1", [new TemplateFile("week1/README.md", Encoding.UTF8.GetBytes("# Week 1\n"))], "Release week1");
        var ada = gitlab.AddUser("ada");
        gitlab.ImportPollsBeforeFinished = 3;

        var fork = await client.EnsureFork(template, students, "ada", "ada", CancellationToken.None);
        Assert.That(gitlab.ImportSeenFinished("prog1/students/ada"), "the fork is handed out only once GitLab finished importing it");
        await client.EnsureMember(fork, (await client.FindUser("ada", CancellationToken.None))!.Value, GitLabClient.Maintainer, CancellationToken.None);
        await client.Unprotect(fork, "main", CancellationToken.None);
        var again = await client.EnsureFork(template, students, "ada", "ada", CancellationToken.None);
        await client.EnsureMember(again, ada, 30, CancellationToken.None);
        Assert.That(gitlab.AccessLevel("prog1/students/ada", ada), Is.EqualTo(30), "a member already there gets the level asked for");
        await client.EnsureMember(again, ada, GitLabClient.Maintainer, CancellationToken.None);
        await client.Unprotect(again, "main", CancellationToken.None);

        Assert.That(fork.PathWithNamespace, Is.EqualTo("prog1/students/ada"));
        Assert.That(again.Id, Is.EqualTo(fork.Id), "a student who has a repository keeps it");
        Assert.That(gitlab.AccessLevel("prog1/students/ada", ada), Is.EqualTo(GitLabClient.Maintainer));
        Assert.That(gitlab.IsProtected("prog1/students/ada", "main"), Is.False);
        using var repository = new LibGit2Sharp.Repository(new Uri(fork.HttpUrlToRepo).LocalPath);
        Assert.That(repository.Branches["main"].Tip.Sha, Is.EqualTo(released.Commit), "the fork holds the released template");
        Assert.That(await client.FindUser("nobody", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Should_deploy_a_course_as_domain_section_6_lays_it_out_and_keep_it_on_a_second_deploy()
    {
        var provider = new GitLabProvider(client, GitLabTestServer.Token);
        var place = new CoursePlace(new CourseLevel("tu-demo", "TU Demo"), new CourseLevel("progfam", "Programming"), new CourseLevel("prog1", "Programming 1"));
        var first = await provider.EnsureCourse(place, CancellationToken.None);
        var again = await provider.EnsureCourse(place, CancellationToken.None);

        string[] Urls(CourseRepositories r) => [r.Assignments.Url, r.StudentTemplate.Url, r.Reference.Url];
        Assert.That(Urls(first).Select(u => u[(u.IndexOf("/tu-demo/", StringComparison.Ordinal) + 1)..]), Is.EqualTo(new[]
        {
            "tu-demo/progfam/prog1/assignments.git", "tu-demo/progfam/prog1/student-template.git", "tu-demo/progfam/prog1/reference.git",
        }));
        Assert.That(first.FullPath, Is.EqualTo("tu-demo/progfam/prog1"));
        Assert.That(Urls(again), Is.EqualTo(Urls(first)), "a second deploy finds everything the first made");
        Assert.That(first.Reference.Credential!.Password, Is.EqualTo(GitLabTestServer.Token), "pushes use the organization's token");
    }

    [Test]
    public async Task Should_retry_rate_limits_and_server_errors()
    {
        gitlab.Fail(503, times: 2);
        gitlab.Fail(429, times: 1, retryAfter: "0");
        var group = await client.EnsureGroup("tu-demo", "TU Demo", null, CancellationToken.None);
        Assert.That(group.FullPath, Is.EqualTo("tu-demo"));
        Assert.That(gitlab.Requests, Is.EqualTo(5), "three refused, then the find and the create");
    }

    [Test]
    public void Should_name_the_step_when_gitlab_refuses()
    {
        var error = Assert.ThrowsAsync<GitLabException>(() => client.EnsureGroup("not a path!", "Bad", null, CancellationToken.None));
        Assert.That(error!.Message, Is.EqualTo("create group not a path!: GitLab answered 400 Bad Request: {\"path\":[\"is invalid\"]}"));
    }

    [Test]
    public void Should_give_up_after_the_retries_and_never_show_the_token()
    {
        gitlab.Fail(503, times: 10);
        var error = Assert.ThrowsAsync<GitLabException>(() => client.EnsureGroup("tu-demo", "TU Demo", null, CancellationToken.None));
        Assert.That(error!.Message, Does.StartWith("find group tu-demo: GitLab answered 503"));
        Assert.That(error.Message, Does.Not.Contain(GitLabTestServer.Token));
    }

    [Test]
    public void Should_say_when_the_token_is_wrong()
    {
        var error = Assert.ThrowsAsync<GitLabException>(() =>
            host.Services.GetRequiredService<GitLabConnector>().Connect(gitlab.Url, "glpat-wrong").EnsureGroup("tu-demo", "TU Demo", null, CancellationToken.None));
        Assert.That(error!.Message, Is.EqualTo("find group tu-demo: GitLab answered 401 Unauthorized: 401 Unauthorized"));
    }
}
