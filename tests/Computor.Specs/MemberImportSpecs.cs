using Computor.Api.Release;
using Computor.Material;
using Computor.Persistence.Entities;
using Computor.Persistence.Secrets;

namespace Computor.Specs;

public class When_members_are_imported_from_csv
{
    [Test]
    public void Should_read_named_columns_in_any_order_with_either_separator_and_quotes()
    {
        var parsed = MemberCsv.Parse("\uFEFFRole,E-Mail,Vorname,Nachname\r\nstudent,ada@uni.test,Ada,\"Lovelace, Countess\"\r\n\r\ntutor,\"al\"\"an@uni.test\",Alan,Turing\n");

        Assert.That(parsed.Problems, Is.Empty);
        Assert.That(parsed.Entries.Select(e => (e.Email, e.GivenName, e.FamilyName, e.Role)), Is.EqualTo(new[]
        {
            ("ada@uni.test", "Ada", "Lovelace, Countess", CourseRole.Student), ("al\"an@uni.test", "Alan", "Turing", CourseRole.Tutor),
        }));
        Assert.That(parsed.Entries[1].Where, Is.EqualTo("line 4"));
    }

    [Test]
    public void Should_list_every_bad_line_and_keep_none()
    {
        var parsed = MemberCsv.Parse("email;role\na@uni.test;student\nb@uni.test;wizard\nc@uni.test;student;extra\n");
        Assert.That(parsed.Problems, Is.EqualTo(new[]
        {
            "line 3: unknown role 'wizard'; one of student, tutor, lecturer, maintainer, owner", "line 4: 3 fields, the header has 2",
        }));
    }

    [Test]
    public void Should_refuse_a_file_without_an_email_or_username_column() =>
        Assert.That(MemberCsv.Parse("name\nAda\n").Problems.Single(), Does.StartWith("line 1: the header needs an email or a username column"));

    [TestCase("not-an-address", "'not-an-address' is not an e-mail address")]
    [TestCase(null, "a student needs an e-mail address")]
    public void Should_say_what_is_wrong_with_a_student(string? email, string problem) =>
        Assert.That(new MemberEntry("line 2", null, "ada", email, null, null, CourseRole.Student).Problem(needsEmail: true), Does.Contain(problem));
}

public class When_a_deploy_document_is_read
{
    [Test]
    public void Should_read_organization_provider_course_and_members()
    {
        var document = DeployDocument.Parse("""
            organization:
              path: tu-demo
              title: TU Demo
              git: {provider: gitlab, url: "https://gitlab.example.org", token: glpat-1}
            course_family: {path: prog}
            course: {path: prog1, title: Programming 1}
            members: [{username: ada, email: ada@uni.test, role: lecturer}]
            """);

        Assert.That(document.Git, Is.EqualTo(new DeployDocument.GitSettings("gitlab", "https://gitlab.example.org", "glpat-1")));
        Assert.That(document.Family, Is.EqualTo(new DeployDocument.Level("prog", "prog")));
        Assert.That(document.Members.Single().Role, Is.EqualTo(CourseRole.Lecturer));
        Assert.That(document.Git.ToString(), Does.Not.Contain("glpat-1"), "settings may be logged; the token may not");
    }

    [TestCase("organization: {path: o}\ncourse_family: {path: f}\n", "deploy.yaml: course: is required")]
    [TestCase("organization: {path: O!}\ncourse_family: {path: f}\ncourse: {path: c}\n", "deploy.yaml: organization.path: 'O!' may hold")]
    [TestCase("organization: {path: o, git: {provider: gitlab}}\ncourse_family: {path: f}\ncourse: {path: c}\n", "deploy.yaml: organization.git: a gitlab provider needs url and token")]
    [TestCase("organization: {path: o, git: {provider: svn}}\ncourse_family: {path: f}\ncourse: {path: c}\n", "deploy.yaml: organization.git.provider: 'svn' is not a git provider")]
    [TestCase("organization: {path: o}\ncourse_family: {path: f}\ncourse: {path: c}\nmembers: [{username: a, role: king}]\n", "deploy.yaml: members[0].role: unknown role 'king'")]
    public void Should_name_the_key_that_is_wrong(string yaml, string problem) =>
        Assert.That(() => DeployDocument.Parse(yaml), Throws.TypeOf<MaterialException>().With.Message.StartWith(problem));
}

public class When_a_provider_token_is_stored
{
    [Test]
    public void Should_keep_it_only_encrypted_and_give_it_back_with_the_same_secret()
    {
        var cipher = new TokenCipher("secret-1");
        var stored = cipher.Encrypt("glpat-abc");

        Assert.That(stored, Does.Not.Contain("glpat-abc"));
        Assert.That(cipher.Encrypt("glpat-abc"), Is.Not.EqualTo(stored), "a fresh nonce each time");
        Assert.That(new TokenCipher("secret-1").Decrypt(stored), Is.EqualTo("glpat-abc"));
    }

    [Test]
    public void Should_refuse_a_different_secret_or_none_without_showing_the_token()
    {
        var stored = new TokenCipher("secret-1").Encrypt("glpat-abc");
        Assert.That(() => new TokenCipher("secret-2").Decrypt(stored), Throws.TypeOf<TokenCipherException>().With.Message.Contains("COMPUTOR_TOKEN_SECRET"));
        Assert.That(() => new TokenCipher(null).Encrypt("glpat-abc"), Throws.TypeOf<TokenCipherException>().With.Message.Contains("is not set"));
        Assert.That(() => new TokenCipher("secret-1").Decrypt(stored[..^4] + "AAAA"), Throws.TypeOf<TokenCipherException>());
    }
}
