using Computor.Api;

namespace Computor.Specs;

public sealed class When_an_assignment_directory_is_given
{
    [TestCase("hello")]
    [TestCase("week1/hello_world")]
    [TestCase("01_intro/ex.1")]
    public void Should_accept_a_relative_path(string path) => Assert.That(Validation.IsRelativeDirectory(path), Is.True);

    [TestCase("")]
    [TestCase("/etc")]
    [TestCase("../other")]
    [TestCase("a/../../b")]
    [TestCase("a//b")]
    [TestCase("a\\b")]
    [TestCase("./a")]
    public void Should_refuse_a_path_that_leaves_the_repository(string path) =>
        Assert.That(Validation.IsRelativeDirectory(path), Is.False);
}

public sealed class When_a_repository_url_is_given
{
    [TestCase("https://git.example.org/prog1/assignments.git")]
    [TestCase("ssh://git@git.example.org/prog1/assignments.git")]
    [TestCase("file:///srv/git/prog1/assignments.git")]
    public void Should_accept_a_clone_url(string url) => Assert.That(Validation.RepositoryUrl("url", url), Is.Null);

    [TestCase("https://oauth2:glpat-secret@git.example.org/a.git")]
    [TestCase("https://user@git.example.org/a.git")]
    [TestCase("ssh://git:secret@git.example.org/a.git")]
    [TestCase("javascript:alert(1)")]
    [TestCase("prog1/assignments.git")]
    public void Should_refuse_credentials_and_other_schemes(string url) =>
        Assert.That(Validation.RepositoryUrl("url", url), Is.Not.Null);
}
