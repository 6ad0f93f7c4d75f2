using System.Diagnostics;
using System.Text;
using Computor.Contracts.Testing;
using Computor.IntegrationSpecs.Infrastructure;
using Computor.Runner.Reports;

namespace Computor.RunnerSpecs;

/// <summary>Student code is hostile: each attack ends in a failed result with a reason, and the next submission still passes.</summary>
[NonParallelizable]
public class When_a_submission_is_hostile
{
    const string Secret = "runner-secret-7d3f";

    static readonly TestLimits Limits = new() { TimeoutSeconds = 30, MemoryLimitMb = 256, MaxProcesses = 32 };

    // Only the attacks on time get a short timeout.
    const int Ample = Assignment.AmpleTimeoutSeconds;

    static IEnumerable<TestCaseData> Attacks()
    {
        yield return new TestCaseData("while True:\n    pass\n", "Timeout: execution took longer than 2 s", 2).SetName("infinite loop");
        yield return new TestCaseData("import time\ntime.sleep(120)\n", "Timeout: execution took longer than 2 s", 2).SetName("sleep past the timeout");
        yield return new TestCaseData("import os\nwhile True:\n    os.fork()\n", "BlockingIOError", Ample).SetName("fork bomb");
        yield return new TestCaseData("a = []\nwhile True:\n    a.append(bytearray(10**7))\n", "Execution failed: MemoryError", Ample).SetName("memory hog");
        yield return new TestCaseData("import sys\nfor _ in range(1000):\n    sys.stdout.write('x' * 10**6)\n", "File too large", Ample).SetName("1e9 bytes of output");
        yield return new TestCaseData("with open('big.bin', 'wb') as f:\n    for _ in range(10**4):\n        f.write(b'x' * 10**6)\n", "File too large", Ample).SetName("huge file");
        yield return new TestCaseData("import socket\nsocket.create_connection(('1.1.1.1', 80), timeout=2)\n", "Network is unreachable", Ample).SetName("network connection");
        yield return new TestCaseData(
            "import os\nhost = [l.split()[3] for l in open('/proc/self/mountinfo') if l.split()[4] == '/submission'][0]\n" +
            "print(open(os.path.join(os.path.dirname(host), 'reference', 'solution.py')).read())\n", "FileNotFoundError", Ample).SetName("reading the reference solution");
        yield return new TestCaseData("print(open('/etc/shadow').read())\n", "FileNotFoundError", Ample).SetName("reading /etc/shadow");
        yield return new TestCaseData("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n", "ended without a result", Ample).SetName("killing its parent");
    }

    [TestCaseSource(nameof(Attacks))]
    public async Task Should_fail_with_a_reason_and_keep_the_runner_working(string attack, string reason, int timeoutSeconds)
    {
        using (var hostile = Suite(timeoutSeconds).Student(attack + "x = 42\n"))
        {
            var report = await hostile.Run(Limits);
            var test = report.Collection("answer").Test("x");
            Assert.That(test.Result, Is.EqualTo(ReportResult.Failed));
            Assert.That(test.ResultMessage, Does.Contain(reason));
        }
        using var next = Suite().Student("x = 42\n");
        Assert.That((await next.Run(Limits)).Result, Is.EqualTo(ReportResult.Passed), "the next submission is tested normally");
    }

    [Test]
    public async Task Should_bound_the_memory_of_all_processes_of_a_run_together()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "cgroups need a root runner (CI runs as root)");
        // Each child stays under the per-process limit; together they exceed the run's 256 MB.
        using var hostile = new Assignment()
            .Test("type: python\nproperties:\n  timeout: 20\n  tests:\n    - name: answer\n      tests: [{name: survivors, value: 6}]\n")
            .Reference("survivors = 6\n")
            .Student("""
                     import os, time
                     children = []
                     for _ in range(6):
                         pid = os.fork()
                         if pid == 0:
                             block = b"x" * (100 * 1024 * 1024)
                             time.sleep(2)
                             os._exit(0)
                         children.append(pid)
                     survivors = sum(1 for pid in children if os.waitpid(pid, 0)[1] == 0)
                     """);
        var test = (await hostile.Run(Limits)).Collection("answer").Test("survivors");
        Assert.That(test.Result, Is.EqualTo(ReportResult.Failed), "some children were stopped by the run's memory limit");
    }

    [Test]
    public async Task Should_not_let_code_fill_memory_through_the_sandboxs_own_folders()
    {
        using var hostile = new Assignment()
            .Test("type: python\nproperties:\n  tests:\n    - name: answer\n      tests: [{name: filled, value: []}]\n")
            .Reference("filled = []\n")
            .Student("""
                     filled = []
                     for folder in ['/', '/dev', '/dev/shm', '/tmp']:
                         written = 0
                         try:
                             for i in range(20):
                                 with open(f'{folder}/fill{i}', 'wb') as f:
                                     f.write(b'x' * 10**7)
                                 written += 10**7
                         except OSError:
                             pass
                         if written >= 2 * 10**8:
                             filled.append(folder)
                     """);
        var test = (await hostile.Run(new TestLimits { TimeoutSeconds = 30 })).Collection("answer").Test("filled");
        Assert.That(test.Result, Is.EqualTo(ReportResult.Passed), test.ResultMessage);
    }

    [Test]
    public async Task Should_not_see_the_runners_environment()
    {
        Environment.SetEnvironmentVariable("COMPUTOR_SPEC_SECRET", Secret);
        using var hostile = Suite().Student(
            "import os\nleak = os.environ.get('COMPUTOR_SPEC_SECRET', '') + open('/proc/1/environ').read() + str(os.environ)\nprint(leak)\nx = 42\n");
        var report = await hostile.Run(Limits);
        Assert.That(Encoding.UTF8.GetString(ReportJson.Serialize(report)), Does.Not.Contain(Secret));
        Assert.That(report.Result, Is.EqualTo(ReportResult.Passed));
    }

    [Test]
    public async Task Should_run_below_the_services_priority_and_not_raise_it()
    {
        using var hostile = new Assignment()
            .Test("type: python\nproperties:\n  tests:\n    - name: priority\n      tests: [{name: niceness, value: 10}, {name: raised, value: false}]\n")
            .Reference("niceness, raised = 0, True\n")
            .Student("""
                     import os
                     niceness = os.nice(0)
                     try:
                         os.nice(-niceness)
                         raised = True
                     except PermissionError:
                         raised = False
                     """);
        var collection = (await hostile.Run(Limits)).Collection("priority");
        Assert.That(collection.Test("niceness").Result, Is.EqualTo(ReportResult.Passed), collection.Test("niceness").ResultMessage);
        Assert.That(collection.Test("raised").Result, Is.EqualTo(ReportResult.Passed), collection.Test("raised").ResultMessage);
    }

    [Test]
    public async Task Should_end_background_processes_with_the_run()
    {
        const string marker = "98765.4321";
        using var hostile = Suite().Student($"import subprocess\nsubprocess.Popen(['sleep', '{marker}'], start_new_session=True)\nx = 42\n");
        await hostile.Run(Limits);
        var deadline = Stopwatch.StartNew();
        while (HostProcesses.WithArgument(marker) > 0 && deadline.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(20);
        Assert.That(HostProcesses.WithArgument(marker), Is.Zero, "no process of the run outlives it");
    }

    static Assignment Suite(int timeoutSeconds = Ample) => new Assignment()
        .Test($"type: python\nproperties:\n  timeout: {timeoutSeconds}\n  tests:\n    - name: answer\n      tests: [{{name: x}}]\n")
        .Reference("x = 42\n");
}
