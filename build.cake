// Build targets: `dotnet tool restore && dotnet cake --target=<Target>`.
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var testResults = Directory("./.tmp/test-results");

Task("Prerequisites")
    .Description("Installs the servers the integration specs start (RabbitMQ, PostgreSQL) when missing.")
    .Does(() =>
{
    var exitCode = StartProcess("bash", new ProcessSettings { Arguments = "deploy/local/install-prerequisites.sh" });
    if (exitCode != 0)
        throw new Exception("deploy/local/install-prerequisites.sh failed");
});

Task("Build")
    .Does(() => DotNetBuild("Computor.sln", new DotNetBuildSettings { Configuration = configuration }));

Task("Validate")
    .Description("The deployment files: every compose combination, YAML lint, the Helm chart's values (deploy/validate.sh).")
    .IsDependentOn("Prerequisites")
    .Does(() =>
{
    if (StartProcess("bash", new ProcessSettings { Arguments = "deploy/validate.sh" }) != 0)
        throw new Exception("deploy/validate.sh found problems in the deployment files");
});

Task("Images")
    .Description("One image per service from deploy/docker when a container engine answers; otherwise says so and skips.")
    .Does(() =>
{
    if (StartProcess("docker", new ProcessSettings { Arguments = "info", RedirectStandardOutput = true, RedirectStandardError = true }) != 0)
    {
        Information("Images: skipped, no container engine answers `docker info` on this machine.");
        return;
    }
    foreach (var service in new[] { "api", "system", "python-runner", "matlab-runner" })
    {
        if (StartProcess("docker", new ProcessSettings { Arguments = $"build -f deploy/docker/{service}.Dockerfile -t computor-{service}:latest ." }) != 0)
            throw new Exception($"docker build of computor-{service} failed");
    }
});

Task("Test")
    .Description("The whole suite: deployment files, unit specs and integration specs against real servers.")
    .IsDependentOn("Prerequisites")
    .IsDependentOn("Validate")
    .IsDependentOn("Build")
    .Does(() =>
{
    // One .trx per test assembly; .ci/run sums them into the closing "N passed, N failed" line.
    CleanDirectory(testResults);
    try
    {
        DotNetTest("Computor.sln", new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            ResultsDirectory = testResults,
            Loggers = { "console;verbosity=normal", "trx" },
        });
    }
    finally
    {
        ListFailedSpecs();
    }
});

// CI keeps only the end of the log, and a failure's message sits minutes of output above it.
void ListFailedSpecs()
{
    System.Xml.Linq.XNamespace trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    foreach (var file in GetFiles($"{testResults}/*.trx"))
    foreach (var result in Results(file))
    {
        if ((string)result.Attribute("outcome") != "Failed")
            continue;
        Information("Failed: {0}", (string)result.Attribute("testName"));
        var message = ((string)result.Descendants(trx + "Message").FirstOrDefault() ?? "").Split('\n').Take(12);
        var stack = ((string)result.Descendants(trx + "StackTrace").FirstOrDefault() ?? "").Split('\n').Take(6);
        foreach (var line in message.Concat(stack).Where(line => line.Trim().Length > 0))
            Information("    {0}", line.TrimEnd());
    }

    // A test host that died mid-run may leave a file cut short; say so instead of hiding the run's own error.
    IEnumerable<System.Xml.Linq.XElement> Results(FilePath file)
    {
        try
        {
            return System.Xml.Linq.XDocument.Load(file.FullPath).Descendants(trx + "UnitTestResult").ToList();
        }
        catch (System.Xml.XmlException e)
        {
            Information("Unreadable {0}: {1}", file.GetFilename(), e.Message);
            return [];
        }
    }
}

RunTarget(target);
