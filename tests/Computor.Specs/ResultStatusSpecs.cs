using Computor.Api.Testing;
using Computor.Persistence.Entities;

namespace Computor.Specs;

public sealed class When_a_result_is_shown_to_a_client
{
    [TestCase(ResultStatus.Finished, 0, "finished")]
    [TestCase(ResultStatus.Failed, 1, "failed")]
    [TestCase(ResultStatus.Cancelled, 2, "cancelled")]
    [TestCase(ResultStatus.Scheduled, 3, "queued")]
    [TestCase(ResultStatus.Queued, 4, "queued")]
    [TestCase(ResultStatus.Started, 5, "started")]
    [TestCase(ResultStatus.Crashed, 6, "failed")]
    [TestCase(ResultStatus.Deferred, 7, "deferred")]
    public void Should_store_the_original_integer_and_answer_the_current_string(ResultStatus status, int stored, string shown)
    {
        Assert.That((int)status, Is.EqualTo(stored));
        Assert.That(ResultView.StatusName(status), Is.EqualTo(shown));
    }

    [Test]
    public void Should_not_carry_a_report_before_the_run_is_final()
    {
        var result = new Result { VersionIdentifier = "abc1234", Status = ResultStatus.Started };
        Assert.That(ResultView.Of(result).ResultJson, Is.Null);
    }

    [Test]
    public void Should_report_a_failed_run_in_the_original_error_shape()
    {
        var result = new Result { VersionIdentifier = "abc1234", Status = ResultStatus.Failed, StatusMessage = "timed out" };
        var json = ResultView.Of(result).ResultJson!;
        Assert.Multiple(() =>
        {
            Assert.That(json["passed"]!.GetValue<int>(), Is.Zero);
            Assert.That(json["failed"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(json["total"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(json["error"]!.GetValue<string>(), Is.EqualTo("timed out"));
        });
    }
}
