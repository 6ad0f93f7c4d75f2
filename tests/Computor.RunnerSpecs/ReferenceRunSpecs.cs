namespace Computor.RunnerSpecs;

public class When_a_released_reference_is_tested_again
{
    static Assignment Suite() => new Assignment()
        .Test("type: python\nproperties:\n  tests:\n    - name: clock\n      tests: [{name: stamp}]\n")
        .Reference("import time\nstamp = time.time_ns()\n")
        .Student("stamp = 0\n");

    static async Task<string?> ExpectedStamp(string? referenceKey)
    {
        using var assignment = Suite();
        var report = await assignment.Run(referenceKey: referenceKey);
        return report.Collection("clock").Test("stamp").ResultMessage;
    }

    [Test]
    public async Task Should_reuse_the_reference_values_of_the_same_release()
    {
        var release = "file:///assignments@" + Guid.NewGuid() + "/week1";
        Assert.That(await ExpectedStamp(release), Is.EqualTo(await ExpectedStamp(release)));
    }

    [Test]
    public async Task Should_run_the_reference_again_for_another_release_or_a_working_copy()
    {
        var first = await ExpectedStamp("file:///assignments@" + Guid.NewGuid() + "/week1");
        Assert.That(await ExpectedStamp("file:///assignments@" + Guid.NewGuid() + "/week1"), Is.Not.EqualTo(first));
        Assert.That(await ExpectedStamp(null), Is.Not.EqualTo(await ExpectedStamp(null)));
    }
}
