// Build targets: `dotnet tool restore && dotnet cake --target=<Target>`.
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");

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
    .Does(() => DotNetTest("Computor.sln", new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        Loggers = { "console;verbosity=normal" },
    }));

RunTarget(target);
