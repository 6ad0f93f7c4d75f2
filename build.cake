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

Task("Test")
    .Description("The whole suite: unit specs and integration specs against real RabbitMQ and PostgreSQL.")
    .IsDependentOn("Prerequisites")
    .IsDependentOn("Build")
    .Does(() =>
{
    // One .trx per test assembly; .ci/run sums them into the closing "N passed, N failed" line.
    CleanDirectory(testResults);
    DotNetTest("Computor.sln", new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        ResultsDirectory = testResults,
        Loggers = { "console;verbosity=normal", "trx" },
    });
});

RunTarget(target);
