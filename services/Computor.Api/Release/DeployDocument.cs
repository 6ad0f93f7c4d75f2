using Computor.Material;
using Computor.Persistence.Entities;

namespace Computor.Api.Release;

/// <summary>
/// The declarative deploy document (YAML, or the same as JSON): organization with its git provider,
/// course family, course and members. Unknown keys are refused, with the line.
/// </summary>
/// <example>
/// organization: { path: tu-demo, title: TU Demo, git: { provider: gitlab, url: https://gitlab.example.org, token: glpat-... } }
/// course_family: { path: prog, title: Programming }
/// course: { path: prog1, title: Programming 1 }
/// members:
///   - { username: ada, email: ada@example.org, given_name: Ada, family_name: Lovelace, role: student }
/// </example>
sealed record DeployDocument(
    DeployDocument.Level Organization,
    DeployDocument.GitSettings Git,
    DeployDocument.Level Family,
    DeployDocument.Level Course,
    IReadOnlyList<MemberEntry> Members,
    bool ReleaseContents)
{
    public const string File = "deploy.yaml";

    public sealed record Level(string Path, string Title);

    /// <summary>The token is only ever held encrypted once the document is applied.</summary>
    public sealed record GitSettings(string Provider, string? Url, string? Token)
    {
        public override string ToString() => $"{Provider} {Url}";
    }

    public static DeployDocument Parse(string text)
    {
        var root = YamlMap.Load(File, text);
        root.RejectUnknown(new HashSet<string> { "organization", "course_family", "course", "members", "release_contents" });
        var organization = Required(root, "organization");
        organization.RejectUnknown(new HashSet<string> { "path", "title", "git" });
        var git = organization.Map("git");
        git?.RejectUnknown(new HashSet<string> { "provider", "url", "token" });
        var settings = new GitSettings(git?.String("provider") ?? GitProviders.Local, git?.String("url"), git?.String("token"));
        if (!GitProviders.IsKnown(settings.Provider))
            throw git!.Error("provider", $"'{settings.Provider}' is not a git provider; use {GitProviders.GitLab} or {GitProviders.Local}");
        if (settings.Provider == GitProviders.GitLab && (settings.Url is null || settings.Token is null))
            throw organization.Error("git", "a gitlab provider needs url and token");
        if (settings.Url is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0))
            throw git!.Error("url", "an http(s) URL without credentials");

        var members = root.MapList("members").Select((m, i) =>
        {
            m.RejectUnknown(new HashSet<string> { "username", "email", "given_name", "family_name", "role" });
            if (!MemberEntry.TryRole(m.String("role"), out var role))
                throw m.Error("role", $"unknown role '{m.String("role")}'");
            return new MemberEntry($"members[{i}]", null, m.String("username"), m.String("email"), m.String("given_name"), m.String("family_name"), role);
        }).ToList();
        return new DeployDocument(ReadLevel(organization), settings, ReadLevel(Required(root, "course_family")), ReadLevel(Required(root, "course")), members,
            root.Bool("release_contents") ?? false);
    }

    static YamlMap Required(YamlMap root, string key) => root.Map(key) ?? throw root.Error(key, "is required");

    static Level ReadLevel(YamlMap map)
    {
        if (map.Path != "organization")
            map.RejectUnknown(new HashSet<string> { "path", "title" });
        var path = map.RequiredString("path");
        if (!Validation.IsPathSegment(path))
            throw map.Error("path", $"'{path}' may hold lower-case letters, digits, '.', '_' or '-' only");
        var title = map.String("title") ?? path;
        return title.Length <= 255 ? new Level(path, title) : throw map.Error("title", "at most 255 characters");
    }
}
