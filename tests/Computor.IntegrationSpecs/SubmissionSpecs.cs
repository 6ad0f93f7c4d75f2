using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>Official submissions (<c>submit = true</c>) within <c>max_submissions</c>, through the API and the test flow.</summary>
public sealed class When_a_student_submits
{
    ComputorStack stack = null!;
    HttpClient student = null!;
    Guid assignment;

    [OneTimeSetUp]
    public async Task Start()
    {
        stack = await ComputorStack.Start();
        var admin = stack.Admin();
        var course = await SampleCourse.Create(admin);
        student = stack.Client(course.StudentToken);
        assignment = (await admin.Post("/course-contents", new
        {
            course_id = course.CourseId, path = "week1.limited", title = "Limited", directory = StandInRunner.Passes,
            execution_backend = "itpcp.exec.py", released_commit = SampleCourse.ReleasedCommit, max_submissions = 2,
        })).Id();
    }

    [OneTimeTearDown]
    public async Task Stop() => await stack.DisposeAsync();

    async Task<Guid> Tested(string version, bool submit = false)
    {
        var created = await student.Post("/tests", new { course_content_id = assignment, version_identifier = version, submit });
        stack.Gate.Release(created.Id("test_system_id"));
        await Eventually.Until(() => student.Status(created.Id()), s => s == "finished", "the run to finish");
        return created.Id();
    }

    async Task<JsonObject> MarkOfficial(Guid result, int expectedStatus)
    {
        using var response = await student.PatchAsJsonAsync($"/results/{result}", new { submit = true }, ApiClient.Json);
        return await ApiClient.Expect(response, expectedStatus);
    }

    [Test]
    public async Task Should_accept_only_as_many_simultaneous_submissions_as_the_limit_allows()
    {
        var admin = stack.Admin();
        var course = await SampleCourse.Create(admin);
        var client = stack.Client(course.StudentToken);
        var limited = (await admin.Post("/course-contents", new
        {
            course_id = course.CourseId, path = "week1.once", title = "Once", directory = StandInRunner.Passes,
            execution_backend = "itpcp.exec.py", released_commit = SampleCourse.ReleasedCommit, max_submissions = 1,
        })).Id();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await client.PostAsJsonAsync("/tests",
                new { course_content_id = limited, version_identifier = SampleCourse.Version(), submit = true }, ApiClient.Json);
            return (int)response.StatusCode;
        }));

        Assert.That(answers.Count(a => a == 201), Is.EqualTo(1), string.Join(", ", answers));
        Assert.That(answers.Count(a => a == 400), Is.EqualTo(5));
    }

    [Test]
    public async Task Should_mark_tested_versions_official_until_the_limit_is_reached()
    {
        var first = SampleCourse.Version();
        var tested = await Tested(first);
        var marked = await student.Post("/tests", new { course_content_id = assignment, version_identifier = first, submit = true }, expectedStatus: 200);
        Assert.That((marked.Id(), marked["submit"]!.GetValue<bool>()), Is.EqualTo((tested, true)), "the tested run becomes the submission; no new run");

        await Tested(SampleCourse.Version(), submit: true);
        var third = await Tested(SampleCourse.Version());
        var refused = await MarkOfficial(third, 400);
        var refusedNew = await student.Post("/tests",
            new { course_content_id = assignment, version_identifier = SampleCourse.Version(), submit = true }, expectedStatus: 400);
        var again = await MarkOfficial(tested, 200);

        Assert.That(refused["message"]!.GetValue<string>(), Is.EqualTo("Submission limit reached (2)"));
        Assert.That(refusedNew["message"]!.GetValue<string>(), Is.EqualTo("Submission limit reached (2)"));
        Assert.That(again["submit"]!.GetValue<bool>(), Is.True, "marking a submission again is not a new one");
        Assert.That((await student.Get($"/results/{third}"))["submit"]!.GetValue<bool>(), Is.False);
    }
}
