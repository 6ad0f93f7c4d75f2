using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Computor.IntegrationSpecs.Infrastructure;
using Computor.Persistence;
using Computor.Persistence.Entities;
using Computor.Storage;
using Microsoft.EntityFrameworkCore;

namespace Computor.IntegrationSpecs;

public sealed class When_object_storage_cannot_answer
{
    [Test]
    public async Task Should_still_show_a_finished_result_with_its_grade_from_the_database()
    {
        // Nothing listens there: every request to object storage fails to connect.
        await using var stack = await ComputorStack.Create(("ObjectStorage:ServiceUrl", $"http://127.0.0.1:{Shell.FreePort()}"));
        await stack.StartApi();
        var options = new DbContextOptionsBuilder<ComputorDb>();
        ComputorDb.Configure(options, stack.Database);
        SeededRun run;
        await using (var db = new ComputorDb(options.Options))
        {
            run = await SeededRun.Create(db, "itpcp.exec.py");
            await db.Results.Where(r => r.Id == run.ResultId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ResultStatus.Finished).SetProperty(r => r.Grade, 0.75)
                .SetProperty(r => r.Total, 4).SetProperty(r => r.Passed, 3).SetProperty(r => r.Failed, 1)
                .SetProperty(r => r.FinishedAt, DateTimeOffset.UtcNow).SetProperty(r => r.ReportLocation, ReportStore.ReportKey(run.CorrelationId)));
        }

        using var admin = stack.Admin();
        using var response = await admin.GetAsync($"/results/{run.ResultId}");
        var result = await ApiClient.Expect(response, 200);

        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("finished"));
        Assert.That(result["result"]!.GetValue<double>(), Is.EqualTo(0.75));
        Assert.That(result["result_json"]!["summary"]!["passed"]!.GetValue<int>(), Is.EqualTo(3), "the summary the database holds");
        Assert.That(result["result_artifacts"]!.AsArray(), Is.Empty);
    }
}
