using Computor.System.Testing;
using MassTransit;
using MassTransit.Events;

namespace Computor.Specs;

public sealed class When_a_runner_crashes
{
    static ExceptionInfo[] Fault(string message) =>
        [new FaultExceptionInfo(new InvalidOperationException(message))];

    [Test]
    public void Should_tell_the_student_what_failed() =>
        Assert.That(RunnerFault.Describe(Fault("sandbox exploded")), Is.EqualTo("The runner failed: sandbox exploded"));

    [Test]
    public void Should_not_repeat_credentials_of_a_repository_url()
    {
        var reason = RunnerFault.Describe(Fault("clone of https://oauth2:glpat-SECRET@git.example.test/a.git failed"));
        Assert.That(reason, Does.Not.Contain("glpat-SECRET"));
        Assert.That(reason, Does.Contain("https://***@git.example.test/a.git"));
    }

    [Test]
    public void Should_keep_the_reason_short() =>
        Assert.That(RunnerFault.Describe(Fault(new string('x', 10_000))).Length, Is.LessThanOrEqualTo(503));

    [Test]
    public void Should_say_so_when_the_fault_carries_no_exception() =>
        Assert.That(RunnerFault.Describe([]), Is.EqualTo("The runner failed: unknown error"));
}
