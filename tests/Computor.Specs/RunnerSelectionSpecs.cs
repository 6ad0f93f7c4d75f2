using Computor.ServiceDefaults;

namespace Computor.Specs;

public sealed class When_choosing_the_runner_for_an_execution_backend
{
    [TestCase("itpcp.exec.py", RunnerQueues.Python)]
    [TestCase(" ITPCP.EXEC.PY ", RunnerQueues.Python)]
    [TestCase("python", RunnerQueues.Python)]
    [TestCase("itpcp.exec.mat", RunnerQueues.Matlab)]
    [TestCase("itpcp.exec.oct", RunnerQueues.Matlab)]
    [TestCase("octave", RunnerQueues.Matlab)]
    public void Should_pick_the_queue_of_the_language(string slug, string queue) =>
        Assert.That(RunnerQueues.ForBackend(slug), Is.EqualTo(queue));

    [TestCase("itpcp.exec.cobol")]
    [TestCase("")]
    [TestCase(null)]
    public void Should_pick_none_for_a_backend_no_runner_serves(string? slug) =>
        Assert.That(RunnerQueues.ForBackend(slug), Is.Null);

    [Test]
    public void Should_send_through_the_exchange_so_the_queue_keeps_its_priority_argument() =>
        Assert.That(RunnerQueues.SendAddress(RunnerQueues.Python).ToString(), Is.EqualTo("exchange:python-tests"));
}
