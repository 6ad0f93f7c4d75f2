using IOPath = System.IO.Path;

namespace Computor.IntegrationSpecs.Infrastructure;

static class RepositoryRoot
{
    public static string Path { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(IOPath.Combine(dir.FullName, "Computor.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Computor.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Script(string name) => IOPath.Combine(Path, "deploy", "local", name);
}
