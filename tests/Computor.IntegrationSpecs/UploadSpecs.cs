using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>Hostile and broken uploads to <c>POST /submissions/artifacts</c>: each a clear 4xx, and nothing stored.</summary>
public sealed class When_a_student_uploads_something_unacceptable
{
    ComputorStack stack = null!;
    SampleCourse course = null!;
    HttpClient student = null!;
    Guid group;
    Guid otherGroup;

    [OneTimeSetUp]
    public async Task Start()
    {
        stack = await ComputorStack.Start();
        course = await SampleCourse.Create(stack.Admin());
        student = stack.Client(course.StudentToken);
        group = await GroupOf(student, course.Assignments[StandInRunner.Passes]);
        otherGroup = await GroupOf(stack.Client(course.OtherStudentToken), course.Assignments[StandInRunner.Passes]);
    }

    [OneTimeTearDown]
    public async Task Stop() => await stack.DisposeAsync();

    static async Task<Guid> GroupOf(HttpClient client, Guid content) =>
        (await client.Get($"/students/course-contents/{content}"))["submission_group"]!.AsObject().Id();

    static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(data);
            }
        return output.ToArray();
    }

    static (string, byte[]) Text(string name, string text) => (name, Encoding.UTF8.GetBytes(text));

    async Task<JsonObject> Upload(byte[] file, int expected, Guid? to = null, string? version = "0123456789abcdef0123456789abcdef01234567")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { submission_group_id = to ?? group, version_identifier = version, submit = false })), "submission_create" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(part, "file", "upload.zip");
        using var response = await student.PostAsync("/submissions/artifacts", form);
        var body = await ApiClient.Expect(response, expected);
        Assert.That(body["error_code"]?.GetValue<string>(), Is.Not.Null, "an error the client can show: " + body.ToJsonString());
        Assert.That(body["message"]?.GetValue<string>(), Is.Not.Empty);
        return body;
    }

    [TearDown]
    public async Task NothingWasStored()
    {
        Assert.That(await student.GetFromJsonAsync<JsonArray>($"/submissions/artifacts?submission_group_id={group}"), Is.Empty);
        Assert.That(await Database.Count(stack.Database, "SELECT count(*) FROM submission_artifacts"), Is.Zero);
    }

    [TestCase("../x.py")]
    [TestCase("week1/../../x.py")]
    [TestCase("/etc/cron.d/x")]
    [TestCase("C:/Windows/x.py")]
    public async Task Should_refuse_a_path_outside_the_folder(string name) =>
        Assert.That((await Upload(Zip(Text(name, "x = 1\n")), 400))["message"]!.GetValue<string>(), Does.Contain(name));

    [Test]
    public async Task Should_refuse_a_zip_bomb() =>
        Assert.That((await Upload(Zip(("week1/zeros.py", new byte[300 * 1024 * 1024])), 400))["message"]!.GetValue<string>(), Does.Contain("larger than"));

    [Test]
    public async Task Should_refuse_ten_thousand_tiny_files() =>
        Assert.That((await Upload(Zip(Enumerable.Range(0, 10_000).Select(i => Text($"week1/f{i}.py", "x")).ToArray()), 400))["message"]!.GetValue<string>(),
            Does.Contain("10000 entries"));

    [Test]
    public async Task Should_refuse_an_empty_zip() =>
        Assert.That((await Upload(Zip(), 400))["message"]!.GetValue<string>(), Does.Contain("no files"));

    [Test]
    public async Task Should_refuse_what_is_not_a_zip() =>
        Assert.That((await Upload(Encoding.UTF8.GetBytes("print('hello')\n"), 400))["message"]!.GetValue<string>(), Does.Contain("not a zip"));

    [Test]
    public async Task Should_refuse_an_upload_over_ten_megabytes()
    {
        // Random bytes do not compress: the zip itself is over the limit.
        var body = await Upload(Zip(("week1/noise.bin.txt", RandomNumberGenerator.GetBytes(11 * 1024 * 1024))), 413);
        Assert.That(body["message"]!.GetValue<string>(), Does.Contain("10 MB"));
    }

    [Test]
    public async Task Should_refuse_another_students_group() =>
        await Upload(Zip(Text("week1/x.py", "x = 1\n")), 404, otherGroup);

    [Test]
    public async Task Should_require_a_version() =>
        Assert.That((await Upload(Zip(Text("week1/x.py", "x = 1\n")), 400, version: null))["error_code"]!.GetValue<string>(), Is.EqualTo("SUBMIT_006"));

    [Test]
    public async Task Should_refuse_a_body_that_is_not_multipart()
    {
        using var response = await student.PostAsJsonAsync("/submissions/artifacts", new { submission_group_id = group });
        Assert.That((await ApiClient.Expect(response, 400))["error_code"]!.GetValue<string>(), Is.EqualTo("UPLOAD_001"));
    }
}
