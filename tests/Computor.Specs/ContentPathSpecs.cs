using Computor.Release;

namespace Computor.Specs;

public class When_a_directory_becomes_a_course_content
{
    [TestCase("01_basics/02_hello", "basics.hello", 2)]
    [TestCase("10-loops", "loops", 10)]
    [TestCase("week1/sums", "week1.sums", 0)]
    [TestCase("03_Hello World", "hello_world", 3)]
    [TestCase("2024_exam/01_task", "exam.task", 1)]
    public void Should_take_the_position_from_the_number_prefix_and_drop_it_from_the_path(string directory, string path, int position) =>
        Assert.That(ContentPath.Of(directory), Is.EqualTo((path, position)));

    [TestCase("01_basics/02_hello_world", "hello world")]
    [TestCase("sums", "sums")]
    public void Should_title_it_after_its_last_segment(string directory, string title) =>
        Assert.That(ContentPath.Title(directory), Is.EqualTo(title));

    [Test]
    public void Should_refuse_a_directory_that_gives_no_path() =>
        Assert.That(() => ContentPath.Of("01_äö"), Throws.TypeOf<ReleaseException>().With.Message.Contains("no usable course content path"));
}

public class When_release_directories_are_selected
{
    string material = "";

    [SetUp]
    public void CreateMaterial()
    {
        material = Directory.CreateTempSubdirectory("computor-material-spec-").FullName;
        foreach (var assignment in new[] { "01_basics/01_sums", "01_basics/02_loops", "02_more/01_lists", "02_more/01_lists/localTests/extra" })
        {
            Directory.CreateDirectory(Path.Combine(material, assignment));
            File.WriteAllText(Path.Combine(material, assignment, "meta.yaml"), "slug: x\n");
        }
        Directory.CreateDirectory(Path.Combine(material, ".git/hooks"));
        File.WriteAllText(Path.Combine(material, ".git/hooks/meta.yaml"), "");
    }

    [TearDown]
    public void Delete() => Directory.Delete(material, recursive: true);

    [Test]
    public void Should_release_exactly_the_named_directories_without_descendants() =>
        Assert.That(ContentSelection.Assignments(material, ["01_basics/02_loops/"], descendants: false), Is.EqualTo(new[] { "01_basics/02_loops" }));

    [Test]
    public void Should_find_every_assignment_below_a_directory_but_not_inside_an_assignment() =>
        Assert.That(ContentSelection.Assignments(material, [], descendants: true),
            Is.EqualTo(new[] { "01_basics/01_sums", "01_basics/02_loops", "02_more/01_lists" }));

    [Test]
    public void Should_widen_only_the_named_directory_with_descendants() =>
        Assert.That(ContentSelection.Assignments(material, ["02_more"], descendants: true), Is.EqualTo(new[] { "02_more/01_lists" }));

    [Test]
    public void Should_add_the_enclosing_directories_as_units_outermost_first() =>
        Assert.That(ContentSelection.Units(["a/b/c", "a/d", "e"]), Is.EqualTo(new[] { "a", "a/b" }));

    [TestCase("../outside")]
    [TestCase("/etc")]
    [TestCase("a/./b")]
    public void Should_refuse_a_directory_outside_the_material(string directory) =>
        Assert.That(() => ContentSelection.Assignments(material, [directory], descendants: false),
            Throws.TypeOf<Material.MaterialException>().With.Message.Contains("relative path inside the course's material"));

    [Test]
    public void Should_say_when_nothing_is_selected()
    {
        Assert.That(() => ContentSelection.Assignments(material, [], descendants: false), Throws.TypeOf<ReleaseException>());
        Directory.CreateDirectory(Path.Combine(material, "03_empty"));
        Assert.That(() => ContentSelection.Assignments(material, ["03_empty"], descendants: true),
            Throws.TypeOf<ReleaseException>().With.Message.Contains("no assignment"));
    }
}

public class When_a_student_repository_is_named
{
    [TestCase("Ada.Lovelace@uni.test", "ada.lovelace")]
    [TestCase("jörg_müller@uni.test", "jorg-muller")]
    [TestCase("Max Muster+prog@uni.test", "max-muster-prog")]
    [TestCase("straße@uni.test", "strasse")]
    [TestCase("_x_@uni.test", "x")]
    public void Should_take_the_email_local_part_in_lower_case_ascii(string email, string path) =>
        Assert.That(StudentRepositoryPath.FromEmail(email), Is.EqualTo(path));

    [TestCase("no-at-sign")]
    [TestCase("@uni.test")]
    [TestCase("日本@uni.test")]
    public void Should_refuse_an_address_that_names_no_repository(string email) =>
        Assert.That(() => StudentRepositoryPath.FromEmail(email), Throws.TypeOf<ReleaseException>());
}
