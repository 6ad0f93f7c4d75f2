using Computor.Runner.Sandboxing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Computor.RunnerSpecs;

public class When_the_sandbox_cannot_be_created
{
    [Test]
    public void Should_refuse_with_a_reason_that_says_what_to_install()
    {
        var sandbox = new Sandbox(Options.Create(new SandboxOptions { Bubblewrap = "/nonexistent/bwrap" }), NullLogger<Sandbox>.Instance);
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => sandbox.Check(CancellationToken.None));
        Assert.That(error!.Message, Does.StartWith("The sandbox cannot be created").And.Contains("apt-get install bubblewrap"));
    }

    [Test]
    public async Task Should_run_unconfined_when_explicitly_disabled()
    {
        var sandbox = new Sandbox(Options.Create(new SandboxOptions { Disabled = true }), NullLogger<Sandbox>.Instance);
        await sandbox.Check(CancellationToken.None);
        var directory = Directory.CreateTempSubdirectory("computor-unconfined-").FullName;
        try
        {
            var result = await sandbox.Run(new SandboxCommand
            {
                Mounts = [new SandboxMount(directory, "/code", false)],
                WorkingDirectory = "/code",
                Arguments = ["/bin/pwd"],
            }, new SandboxLimits { WallSeconds = 10, CollectionTimeoutSeconds = 10, CpuSeconds = 5, MemoryMb = 256, MaxProcesses = 16 }, CancellationToken.None);
            Assert.That(System.Text.Encoding.UTF8.GetString(result.Output).Trim(), Is.EqualTo(directory), "the code sees the host's paths");
        }
        finally
        {
            Directory.Delete(directory);
        }
    }
}
