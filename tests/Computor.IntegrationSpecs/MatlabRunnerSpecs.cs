using System.Text.Json.Nodes;
using Computor.IntegrationSpecs.Infrastructure;

namespace Computor.IntegrationSpecs;

/// <summary>MATLAB-language tests end to end: API, RabbitMQ, PostgreSQL, the saga, the real MATLAB runner process on Octave, git and S3.</summary>
public class When_a_student_tests_matlab_code
{
    static readonly Dictionary<string, string> Assignment = new()
    {
        ["meta.yaml"] = "slug: sums\nproperties:\n  studentSubmissionFiles: [sums.m]\n  executionBackend: {slug: itpcp.exec.oct}\n",
        ["test.yaml"] = """
                        type: octave
                        name: Sums
                        properties:
                          storeGraphicsArtifacts: true
                          tests:
                            - name: total
                              tests: [{name: total}, {name: numbers}]
                            - name: plot
                              type: graphics
                              tests: [{name: "get(get(gca, 'title'), 'string')"}]
                        """,
        ["sums.m"] = "numbers = [1 2 3];\ntotal = sum(numbers);\nplot(numbers); title('Sums');\n",
    };

    const string Correct = "numbers = [1 2 3];\ntotal = 0;\nfor n = numbers\n  total = total + n;\nend\nplot(numbers); title('Sums');\n";

    RunnerFlow flow = null!;

    [OneTimeSetUp]
    public async Task Start() => flow = await RunnerFlow.Start(RunnerProcess.Matlab);

    [OneTimeTearDown]
    public async Task Stop() => await flow.DisposeAsync();

    Task<(JsonObject Result, HttpClient Student)> Test(string code) => flow.Test(Assignment, "sums.m", code, backend: "itpcp.exec.oct");

    [Test]
    public async Task Should_score_a_correct_submission_one_and_store_its_plot()
    {
        var (result, student) = await Test(Correct);

        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("finished"), result.ToJsonString());
        Assert.That(result["result"]!.GetValue<double>(), Is.EqualTo(1.0), result.ToJsonString());
        Assert.That(result["result_json"]!["environment"]!["language"]!.GetValue<string>(), Is.EqualTo("octave"));
        var listed = JsonNode.Parse(await (await student.GetAsync($"/results/{result.Id()}/artifacts")).Content.ReadAsStringAsync())!.AsArray();
        Assert.That(listed.Select(a => a!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "c1_figure1.png" }));
        var png = await student.GetByteArrayAsync(listed[0]!["url"]!.GetValue<string>());
        Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
    }

    [Test]
    public async Task Should_fail_a_wrong_submission_with_reasons()
    {
        var (result, _) = await Test(Correct.Replace("total + n", "total + 2 * n").Replace("title('Sums')", "title('Sum')"));

        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("finished"), result.ToJsonString());
        Assert.That(result["result"]!.GetValue<double>(), Is.Zero);
        var total = result["result_json"]!["tests"]![0]!["tests"]![0]!;
        Assert.That(total["resultMessage"]!.GetValue<string>(), Is.EqualTo("Variable `total` differs from expected: expected 6 actual 12"));
    }

    [Test]
    public async Task Should_give_the_same_report_on_the_command_line()
    {
        var wrong = Correct.Replace("total + n", "total - n");
        var (result, _) = await Test(wrong);
        using var folder = new LocalAssignment(Assignment, wrong, language: "octave", studentFile: "sums.m");

        var local = await folder.Run();

        static IEnumerable<string> Outcomes(JsonNode report) => report["tests"]!.AsArray()
            .SelectMany(c => c!["tests"]!.AsArray().Select(t => $"{c["name"]}/{t!["name"]}: {t["result"]} {t["resultMessage"]}"));
        Assert.That(Outcomes(local), Is.EqualTo(Outcomes(result["result_json"]!)));
        Assert.That(Outcomes(local), Has.Some.Contains("expected 6 actual -6"));
    }
}
