using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>
/// Thousands of malformed and hostile requests to every endpoint the API describes: bad JSON, wrong types,
/// huge fields, deep nesting, other users' ids in paths and bodies. No answer may be a 5xx, and a student
/// must never get another student's data back.
/// </summary>
public sealed class When_the_api_is_fuzzed
{
    ComputorStack stack = null!;
    SampleCourse course = null!;
    readonly List<string> othersSecrets = [];
    readonly List<string> othersIds = [];
    JsonObject openApi = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        stack = await ComputorStack.Start();
        course = await SampleCourse.Create(stack.Admin());
        // Bob, alice's classmate, has a run, a submission group and an upload; alice must never see them.
        var bob = stack.Client(course.OtherStudentToken);
        var run = await bob.Post("/tests", course.TestRequest(StandInRunner.Passes, SampleCourse.Version()));
        stack.Gate.Release(run.Id("test_system_id"));
        await Eventually.Until(() => bob.Status(run.Id()), s => s == "finished", "bob's run");
        var group = (await bob.Get($"/students/course-contents/{course.Assignments[StandInRunner.Passes]}"))["submission_group"]!.AsObject().Id();
        othersIds.AddRange([course.OtherStudentMemberId.ToString(), run.Id().ToString(), run.Id("test_system_id").ToString(), group.ToString()]);
        othersSecrets.AddRange([.. othersIds, course.OtherStudentToken]);
        using var anonymous = stack.Client();
        openApi = await anonymous.Get("/openapi/v1.json");
    }

    [OneTimeTearDown]
    public async Task Stop() => await stack.DisposeAsync();

    IEnumerable<(HttpMethod Method, string Path)> Endpoints() =>
        openApi["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(operation => (new HttpMethod(operation.Key.ToUpperInvariant()), path.Key)));

    IEnumerable<string> PathValues() =>
        [.. othersIds, Guid.NewGuid().ToString(), course.CourseId.ToString(), "not-a-guid", "-1", new string('a', 5000), "..%2F..%2Fetc%2Fpasswd", "%00"];

    IEnumerable<HttpContent?> Bodies()
    {
        var bob = course.OtherStudentMemberId;
        var content = course.Assignments[StandInRunner.Passes];
        string[] json =
        [
            "", "{", "[]", "null", "123", "\"text\"", "{\"a\":", "{}", "[1,2,3]",
            new string('[', 200) + new string(']', 200),
            "{\"x\":\"" + new string('x', 200_000) + "\"}",
            "{\"path\":5,\"title\":[],\"course_id\":\"nope\",\"submit\":\"yes\",\"version_identifier\":7}",
            $"{{\"course_member_id\":\"{bob}\",\"course_content_id\":\"{content}\",\"version_identifier\":\"{SampleCourse.Version()}\",\"submit\":true}}",
            $"{{\"artifact_id\":\"{othersIds[3]}\"}}",
            $"{{\"submission_group_id\":\"{othersIds[3]}\",\"course_id\":\"{course.CourseId}\",\"students\":[{{\"user\":{{\"username\":\"x\"}}}}]}}",
            "{\"username\":\"" + new string('u', 10_000) + "\",\"password\":\"" + new string('p', 10_000) + "\"}",
            "{\"refresh_token\":\"ctr_" + new string('r', 600) + "\"}",
        ];
        foreach (var body in json)
            yield return new StringContent(body, Encoding.UTF8, "application/json");
        yield return new StringContent("organization: [unclosed\n  - {", Encoding.UTF8, "application/yaml");
        yield return new StringContent("email;username\n\"unclosed;x\n", Encoding.UTF8, "text/csv");
        yield return new ByteArrayContent([0xff, 0xfe, 0x00, 0x01]);
        var form = new MultipartFormDataContent { { new StringContent("{\"submission_group_id\":\"" + othersIds[3] + "\"}"), "submission_create" } };
        form.Add(new ByteArrayContent([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "file", "x.zip");
        yield return form;
        yield return null;
    }

    async Task<int> Fuzz(HttpClient client, bool checkLeaks)
    {
        var sent = 0;
        var failures = new List<string>();
        foreach (var (method, template) in Endpoints())
        {
            var paths = template.Contains('{')
                ? PathValues().Select(v => Regex.Replace(template, @"\{[^}]+\}", v))
                : [template];
            foreach (var path in paths)
            {
                var bodies = method == HttpMethod.Get || method == HttpMethod.Delete || method == HttpMethod.Head ? [null] : Bodies().ToList();
                foreach (var body in bodies)
                {
                    using var request = new HttpRequestMessage(method, path) { Content = body };
                    using var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    sent++;
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{method} {Shorten(path)} [{Shorten(body is null ? "" : await body.ReadAsStringAsync())}] -> {(int)response.StatusCode} {Shorten(text)}");
                    else if (checkLeaks && othersSecrets.FirstOrDefault(s => text.Contains(s, StringComparison.OrdinalIgnoreCase) && !path.Contains(s)) is { } leaked)
                        failures.Add($"{method} {Shorten(path)} -> {(int)response.StatusCode} shows another student's {leaked}");
                }
            }
        }
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(20)));
        return sent;
    }

    static string Shorten(string text) => text.Length > 120 ? text[..120] + "..." : text;

    [Test]
    public async Task Should_answer_a_student_without_5xx_and_without_anyone_elses_data()
    {
        using var alice = stack.Client(course.StudentToken);
        var sent = await Fuzz(alice, checkLeaks: true);
        TestContext.Out.WriteLine($"{sent} requests as a student");
        Assert.That(sent, Is.GreaterThan(1000));
    }

    [Test]
    public async Task Should_answer_an_admin_without_5xx()
    {
        using var admin = stack.Admin();
        Assert.That(await Fuzz(admin, checkLeaks: false), Is.GreaterThan(1000));
    }

    [Test]
    public async Task Should_answer_anonymous_and_bearer_garbage_without_5xx()
    {
        using var garbage = stack.Client();
        garbage.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "cta_" + new string('g', 400));
        Assert.That(await Fuzz(garbage, checkLeaks: true), Is.GreaterThan(1000));
    }
}
