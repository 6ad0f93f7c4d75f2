using System.Text;
using Computor.Material;
using Computor.Release;

namespace Computor.Specs;

public class When_a_student_template_is_built
{
    string assignment = "";

    [SetUp]
    public void CreateAssignment()
    {
        assignment = Directory.CreateTempSubdirectory("computor-assignment-").FullName;
        Write("meta.yaml", """
                           slug: sums
                           properties:
                             studentSubmissionFiles: [sums.py, helpers/extra.py]
                             additionalFiles: [data/numbers.csv]
                             studentTemplates: [templates/sums.py]
                             testFiles: [data/hidden.csv]
                           """);
        Write("test.yaml", "type: python\n");
        Write("sums.py", "total = sum(numbers)\n");
        Write("templates/sums.py", "# write your solution here\n");
        Write("data/numbers.csv", "1,2,3\n");
        Write("data/hidden.csv", "4,5,6\n");
        Write("content/index.md", "# Sums\n");
        Write("content/index_de.md", "# Summen\n");
        Write("content/mediaFiles/plots/example.png", "PNG");
        Write("localTests/correctSolution/sums.py", "total = 6\n");
    }

    [TearDown]
    public void RemoveAssignment() => Directory.Delete(assignment, recursive: true);

    void Write(string relative, string content)
    {
        var path = Path.Combine(assignment, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    IReadOnlyList<TemplateFile> Build() =>
        StudentTemplate.Build(assignment, "week1/sums", AssignmentMetaReader.Read(Path.Combine(assignment, "meta.yaml")));

    [Test]
    public void Should_contain_exactly_what_the_allow_list_names()
    {
        Assert.That(Build().Select(f => f.Path), Is.EqualTo(new[]
        {
            "week1/sums/README.md",
            "week1/sums/README_de.md",
            "week1/sums/helpers/extra.py",
            "week1/sums/mediaFiles/plots/example.png",
            "week1/sums/numbers.csv",
            "week1/sums/sums.py",
        }));
    }

    [Test]
    public void Should_give_submission_files_their_template_or_leave_them_empty()
    {
        var files = Build().ToDictionary(f => f.Path, f => Encoding.UTF8.GetString(f.Content));
        Assert.That(files["week1/sums/sums.py"], Is.EqualTo("# write your solution here\n"), "never the solution");
        Assert.That(files["week1/sums/helpers/extra.py"], Is.Empty);
        Assert.That(files["week1/sums/README.md"], Is.EqualTo("# Sums\n"));
    }

    [Test]
    public void Should_name_a_listed_file_that_does_not_exist()
    {
        Write("meta.yaml", "properties:\n  additionalFiles: [data/missing.csv]\n");
        var error = Assert.Throws<MaterialException>(() => Build());
        Assert.That(error!.Message, Is.EqualTo("meta.yaml: properties.additionalFiles: 'data/missing.csv' not found in the assignment"));
    }

    [Test]
    public void Should_refuse_symbolic_links_that_could_reach_the_releasing_host()
    {
        File.CreateSymbolicLink(Path.Combine(assignment, "content", "mediaFiles", "secrets"), "/etc");
        var error = Assert.Throws<MaterialException>(() => Build());
        Assert.That(error!.Message, Does.Contain("is a symbolic link"));
    }

    [Test]
    public void Should_refuse_two_files_that_would_land_on_the_same_path()
    {
        Write("meta.yaml", "properties:\n  studentSubmissionFiles: [numbers.csv]\n  additionalFiles: [data/numbers.csv]\n");
        var error = Assert.Throws<MaterialException>(() => Build());
        Assert.That(error!.Message, Does.Contain("two files would become week1/sums/numbers.csv"));
    }
}
