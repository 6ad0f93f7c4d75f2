using System.IO.Compression;
using System.Text;
using Computor.Storage;

namespace Computor.Specs;

/// <summary>What an uploaded zip may hold, and what is kept of it.</summary>
public class When_a_submission_archive_is_sanitized
{
    static readonly ArchiveLimits Limits = new();

    static MemoryStream Zip(params (string Name, byte[] Data)[] entries)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(data);
            }
        output.Position = 0;
        return output;
    }

    static (string, byte[]) Text(string name, string text) => (name, Encoding.UTF8.GetBytes(text));

    static Dictionary<string, string> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
    }

    static string Refusal(Stream upload) =>
        Assert.Throws<SubmissionArchiveException>(() => SubmissionArchive.Sanitize(upload, Limits))!.Message;

    [Test]
    public void Should_strip_the_single_top_folder_and_drop_what_is_not_code()
    {
        var repacked = SubmissionArchive.Sanitize(Zip(
            Text("week1/sums.py", "total = 6\n"),
            Text("week1/data/marks.txt", "1 2 3\n"),
            Text("week1/.git/config", "[core]\n"),
            Text("week1/.gitignore", "*.pyc\n"),
            Text("week1/__pycache__/sums.cpython-312.pyc", "\0\0"),
            Text("week1/helper.pyc", "\0\0"),
            Text("week1/empty.py", ""),
            ("week1/", [])), Limits);

        Assert.That(Entries(repacked.Zip), Is.EqualTo(new Dictionary<string, string> { ["data/marks.txt"] = "1 2 3\n", ["sums.py"] = "total = 6\n" }));
        Assert.That((repacked.FilesCount, repacked.TotalSize), Is.EqualTo((2, 16L)));
    }

    [Test]
    public void Should_keep_paths_as_they_are_without_a_single_top_folder()
    {
        var repacked = SubmissionArchive.Sanitize(Zip(Text("sums.py", "a = 1\n"), Text("lib/util.py", "b = 2\n")), Limits);
        Assert.That(Entries(repacked.Zip).Keys, Is.EquivalentTo(new[] { "sums.py", "lib/util.py" }));
    }

    [TestCase("../evil.py")]
    [TestCase("week1/../../evil.py")]
    [TestCase("week1\\..\\..\\evil.py")]
    public void Should_refuse_a_path_that_climbs_out(string name) =>
        Assert.That(Refusal(Zip(Text(name, "x = 1\n"))), Does.Contain("climbs out"));

    [TestCase("/etc/passwd")]
    [TestCase("C:/Windows/evil.py")]
    public void Should_refuse_an_absolute_path(string name) =>
        Assert.That(Refusal(Zip(Text(name, "x = 1\n"))), Does.Contain("absolute"));

    [Test]
    public void Should_refuse_a_zip_bomb_by_what_it_inflates_to()
    {
        // 200 MB of zeros compress to a few hundred kilobytes; the headers' sizes are not trusted.
        var bomb = Zip(("week1/zeros.txt", new byte[200 * 1024 * 1024]));
        Assert.That(bomb.Length, Is.LessThan(1024 * 1024));
        Assert.That(Refusal(bomb), Does.Contain("larger than 10 MB"));
    }

    [Test]
    public void Should_refuse_many_files_that_together_inflate_too_far()
    {
        var limits = Limits with { MaxUncompressedBytes = 1024 * 1024 };
        var upload = Zip(Enumerable.Range(0, 5).Select(i => ($"week1/part{i}.txt", new byte[300 * 1024])).ToArray());
        Assert.That(Assert.Throws<SubmissionArchiveException>(() => SubmissionArchive.Sanitize(upload, limits))!.Message,
            Does.Contain("unpacks to more than 1 MB"));
    }

    [Test]
    public void Should_refuse_ten_thousand_tiny_files() =>
        Assert.That(Refusal(Zip(Enumerable.Range(0, 10_000).Select(i => Text($"week1/f{i}.py", "x")).ToArray())),
            Does.Contain("10000 entries; at most 1000"));

    [Test]
    public void Should_refuse_an_empty_zip_and_one_with_nothing_to_test()
    {
        Assert.That(Refusal(Zip()), Does.Contain("no files"));
        Assert.That(Refusal(Zip(Text("week1/.hidden", "x"), Text("week1/empty.py", ""))), Does.Contain("no files"));
    }

    [Test]
    public void Should_refuse_what_is_not_a_zip() =>
        Assert.That(Refusal(new MemoryStream(Encoding.UTF8.GetBytes("print('not a zip')"))), Does.Contain("not a zip"));

    [Test]
    public void Should_unpack_a_stored_archive_into_a_folder()
    {
        var repacked = SubmissionArchive.Sanitize(Zip(Text("week1/sums.py", "total = 6\n"), Text("week1/lib/util.py", "u = 1\n")), Limits);
        var folder = Directory.CreateTempSubdirectory("computor-unpack-").FullName;
        try
        {
            SubmissionArchive.ExtractTo(new MemoryStream(repacked.Zip), folder, Limits);
            Assert.That(File.ReadAllText(Path.Combine(folder, "sums.py")), Is.EqualTo("total = 6\n"));
            Assert.That(File.ReadAllText(Path.Combine(folder, "lib", "util.py")), Is.EqualTo("u = 1\n"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Should_refuse_to_unpack_a_climbing_path_even_from_storage()
    {
        var folder = Directory.CreateTempSubdirectory("computor-unpack-").FullName;
        try
        {
            Assert.Throws<SubmissionArchiveException>(() => SubmissionArchive.ExtractTo(Zip(Text("../outside.py", "x")), folder, Limits));
            Assert.That(File.Exists(Path.Combine(folder, "..", "outside.py")), Is.False);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
