using System.Diagnostics;
using System.Text.Json;
using Computor.Contracts.Testing;
using Computor.Runner.Execution;
using Computor.Material;
using Computor.Runner.Reports;
using Computor.Runner.Workspaces;
using Computor.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Computor.Runner.Service;

/// <summary>
/// Tests one submission: reference from the cache, student code at its commit, the suite in the
/// sandbox, the report to object storage, the outcome to the saga. Idempotent by correlation id:
/// a run that arrives again and whose report is already stored announces that report instead of running again.
/// </summary>
public sealed class RunStudentTestConsumer(
    SuiteRunner suites,
    ReferenceCache references,
    GitCheckout git,
    ReportStore reports,
    SubmissionStore uploads,
    RunningTests running,
    TestSlots slots,
    IOptions<WorkerOptions> worker,
    ILogger<RunStudentTestConsumer> logger) : IConsumer<RunStudentTest>
{
    // Spans for the phases an operator asks about when a run is slow: fetching, testing, storing.
    static readonly ActivitySource Source = new("Computor.Runner");

    public async Task Consume(ConsumeContext<RunStudentTest> context)
    {
        var run = context.Message;
        if (MayHaveBeenTested(context) && await StoredReport(run, context.CancellationToken) is { } stored)
        {
            logger.LogInformation("Run {CorrelationId} already has a report; announcing it again", run.CorrelationId);
            await context.Publish(Completed(run, stored, ReportStore.ReportKey(run.CorrelationId)));
            return;
        }

        using var cancellation = running.Start(run.CorrelationId, context.CancellationToken);
        // One folder per delivery: the same run can arrive twice at once (the saga re-sends a run when it sees
        // its command again), on this runner or another on the same host, and neither may pull the other's
        // checkout away. What a killed runner left is removed by StaleWorkspaceCleanup.
        var workspace = Path.Combine(worker.Value.WorkDirectory, $"{run.CorrelationId:N}-{Guid.NewGuid():N}");
        StartNotice? start = null;
        DateTimeOffset? startedAt = null;
        try
        {
            TestReport report;
            IReadOnlyList<(string, byte[])> artifacts;
            using (await slots.Take(cancellation.Token))
            {
                var started = new StudentTestRunStarted
                {
                    CorrelationId = run.CorrelationId, Runner = $"{worker.Value.Type}@{Environment.MachineName}", StartedAt = DateTimeOffset.UtcNow,
                };
                startedAt = started.StartedAt;
                start = StartNotice.Schedule(worker.Value.StartNoticeDelay, () => context.Publish(started));
                (report, artifacts) = await Test(run, workspace, cancellation.Token);
            }
            await start.Settle();
            string location;
            using (Source.StartActivity("store report"))
                location = await reports.Save(run.CorrelationId, ReportJson.Serialize(report), artifacts, context.CancellationToken);
            await context.Publish(Completed(run, report, location) with { StartedAt = startedAt, ArtifactCount = artifacts.Count });
            logger.LogInformation("Run {CorrelationId} finished: {Passed} of {Total} collections passed, grade {Grade}",
                run.CorrelationId, report.Summary.Passed, report.Summary.Total, report.Grade);
        }
        catch (Exception e) when (e is MaterialException or WorkspaceException)
        {
            logger.LogInformation("Run {CorrelationId} failed: {Reason}", run.CorrelationId, e.Message);
            if (start is not null)
                await start.Settle();
            await context.Publish(new StudentTestRunFailed
            {
                CorrelationId = run.CorrelationId, Reason = e.Message, StartedAt = startedAt, FailedAt = DateTimeOffset.UtcNow,
            });
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Run {CorrelationId} was cancelled", run.CorrelationId);
        }
        finally
        {
            // Settled on every way out; where it matters, it was awaited above.
            if (start is not null)
                await start.Settle().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            running.Finish(run.CorrelationId, cancellation);
            if (Directory.Exists(workspace))
                Directory.Delete(workspace, recursive: true);
        }
    }

    async Task<(TestReport, IReadOnlyList<(string, byte[])>)> Test(RunStudentTest run, string workspace, CancellationToken cancellationToken)
    {
        var reference = run.Assignment.Reference;
        Workspace prepared;
        using (Source.StartActivity("prepare workspace"))
            prepared = await Prepare(run, workspace, cancellationToken);
        using var lease = prepared.Lease;

        var output = Path.Combine(workspace, "output");
        var spec = new RunSpecification
        {
            StudentDirectory = prepared.Student,
            ReferenceDirectory = prepared.Reference,
            TestDirectory = Path.Combine(workspace, "testprograms"),
            OutputDirectory = output,
            ArtifactDirectory = Path.Combine(output, "artifacts"),
        };
        using var testing = Source.StartActivity("run tests");
        var report = await suites.Run(new SuiteRequest
        {
            TestFile = Path.Combine(prepared.Reference, "test.yaml"), Specification = spec, CourseLimits = run.Limits,
            ReferenceKey = $"{reference.RepositoryUrl}@{reference.Commit}/{run.Assignment.Directory}",
        }, cancellationToken);
        var artifacts = Directory.Exists(spec.ArtifactDirectory)
            ? Directory.EnumerateFiles(spec.ArtifactDirectory).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList()
            : [];
        return (report, artifacts);
    }

    sealed record Workspace(ReferenceCache.Lease Lease, string Reference, string Student);

    /// <summary>The released reference from the cache and the student's commit, each reduced to the assignment directory.</summary>
    async Task<Workspace> Prepare(RunStudentTest run, string workspace, CancellationToken cancellationToken)
    {
        var reference = run.Assignment.Reference;
        if (reference.RepositoryUrl is null || reference.Commit is null)
            throw new WorkspaceException("the assignment has no released reference (repository and commit)");
        if (run.Student.ArtifactKey is null && (run.Student.RepositoryUrl is null || run.Student.Commit is null))
            throw new WorkspaceException("the run names neither a repository commit nor an uploaded artifact");
        if (!AssignmentMetaReader.IsRelativeInside(run.Assignment.Directory))
            throw new WorkspaceException($"assignment directory '{run.Assignment.Directory}' is not a relative path");

        var lease = await references.Get(reference.RepositoryUrl, reference.Commit, cancellationToken);
        try
        {
            var referenceDirectory = Path.Combine(lease.Path, run.Assignment.Directory);
            if (!Directory.Exists(referenceDirectory))
                throw new WorkspaceException($"assignment directory '{run.Assignment.Directory}' not found in the released reference");
            if (run.Student.ArtifactKey is { } key)
                return new Workspace(lease, referenceDirectory, await Unpack(key, Path.Combine(workspace, "upload"), cancellationToken));
            var checkout = Path.Combine(workspace, "repository");
            await git.Checkout(run.Student.RepositoryUrl!, run.Student.Commit!, checkout, run.Assignment.Directory, cancellationToken);
            var studentDirectory = Path.Combine(checkout, run.Assignment.Directory);
            if (!Directory.Exists(studentDirectory))
                throw new WorkspaceException($"directory '{run.Assignment.Directory}' not found in your repository at {run.Student.Commit}");
            return new Workspace(lease, referenceDirectory, studentDirectory);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>An uploaded artifact holds the assignment folder's content (the API took its top folder off).</summary>
    async Task<string> Unpack(string key, string folder, CancellationToken cancellationToken)
    {
        await using var archive = await uploads.Open(key, cancellationToken)
            ?? throw new WorkspaceException("the uploaded submission is no longer in storage");
        using var copy = new MemoryStream();
        await archive.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        Directory.CreateDirectory(folder);
        try
        {
            SubmissionArchive.ExtractTo(copy, folder, new ArchiveLimits());
        }
        catch (SubmissionArchiveException ex)
        {
            throw new WorkspaceException($"the uploaded submission cannot be unpacked: {ex.Message}");
        }
        return folder;
    }

    /// <summary>
    /// The report an earlier delivery stored, if it is a whole one. A store that does not write objects atomically
    /// (s3rver) can hold an empty or partial report when the delivery that wrote it was cut off or is still writing;
    /// such a run is tested again, and its new report replaces the unreadable one.
    /// </summary>
    async Task<TestReport?> StoredReport(RunStudentTest run, CancellationToken cancellationToken)
    {
        if (await reports.Report(ReportStore.ReportKey(run.CorrelationId), cancellationToken) is not { } stored)
            return null;
        try
        {
            return ReportJson.Deserialize(stored);
        }
        catch (JsonException e)
        {
            logger.LogWarning("Run {CorrelationId} has an unreadable stored report ({Reason}); testing it again", run.CorrelationId, e.Message);
            return null;
        }
    }

    /// <summary>
    /// Only a run delivered before (to a runner that died or failed on it) or sent again by the saga can have a
    /// stored report; a first delivery skips the look into object storage, which is on every run's way to a slot.
    /// </summary>
    static bool MayHaveBeenTested(ConsumeContext<RunStudentTest> context) =>
        context.Message.Resent || context.ReceiveContext.Redelivered || context.GetRetryAttempt() > 0 || context.GetRedeliveryCount() > 0;

    static StudentTestRunCompleted Completed(RunStudentTest run, TestReport report, string location) => new()
    {
        CorrelationId = run.CorrelationId,
        Summary = new TestSummaryCounts
        {
            Total = report.Summary.Total, Passed = report.Summary.Passed, Failed = report.Summary.Failed, Skipped = report.Summary.Skipped,
        },
        Grade = report.Grade,
        ReportLocation = location,
        FinishedAt = DateTimeOffset.UtcNow,
    };
}
