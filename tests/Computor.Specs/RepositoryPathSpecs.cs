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
