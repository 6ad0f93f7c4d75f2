using Computor.Persistence;
using Computor.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Computor.Api.Release;

/// <summary>
/// Makes people course members: a user is found by id, username or e-mail, or created; a member is created
/// or given the entry's role. Every entry is checked before anything is written, so a bad list changes nothing.
/// The caller saves.
/// </summary>
sealed class Enrolment(ComputorDb db, TimeProvider clock)
{
    public sealed record Outcome(IReadOnlyList<CourseMember> Members, IReadOnlyList<string> Problems);

    public async Task<Outcome> Enrol(Guid courseId, IReadOnlyList<MemberEntry> entries, bool studentsNeedEmail, CancellationToken ct)
    {
        var problems = entries.Select(e => e.Problem(studentsNeedEmail)).OfType<string>().ToList();
        if (problems.Count > 0)
            return new Outcome([], problems);

        var users = new List<User>();
        foreach (var entry in entries)
        {
            var user = await Find(entry, users, ct);
            if (user is null && entry.UserId is not null)
                problems.Add($"{entry.Where}: user {entry.UserId} does not exist");
            else if (user is not null && studentsNeedEmail && entry.Role == CourseRole.Student && string.IsNullOrWhiteSpace(user.Email ?? entry.Email))
                problems.Add($"{entry.Where}: user {user.Username} has no e-mail address, which names their repository");
            else if (user is null && await db.Users.AnyAsync(u => u.Username == entry.NewUsername(), ct))
                problems.Add($"{entry.Where}: the username {entry.NewUsername()} belongs to another user; give this one a username");
            else
                users.Add(user ?? New(entry));
        }
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new Outcome([], problems);
        }

        var members = new List<CourseMember>();
        foreach (var (entry, user) in entries.Zip(users))
        {
            user.Email ??= entry.Email;
            user.GivenName ??= entry.GivenName;
            user.FamilyName ??= entry.FamilyName;
            var member = await db.CourseMembers.SingleOrDefaultAsync(m => m.CourseId == courseId && m.UserId == user.Id, ct)
                ?? members.FirstOrDefault(m => m.UserId == user.Id);
            if (member is null)
            {
                member = new CourseMember { UserId = user.Id, CourseId = courseId, CreatedAt = clock.GetUtcNow() };
                db.CourseMembers.Add(member);
            }
            member.Role = entry.Role;
            if (!members.Contains(member))
                members.Add(member);
        }
        return new Outcome(members, []);
    }

    async Task<User?> Find(MemberEntry entry, IReadOnlyList<User> pending, CancellationToken ct)
    {
        if (entry.UserId is { } id)
            return await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        var username = entry.Username?.ToLowerInvariant();
        return pending.FirstOrDefault(u => u.Username == username || entry.Email is not null && u.Email == entry.Email)
            ?? (username is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Username == username, ct))
            ?? (entry.Email is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Email == entry.Email, ct));
    }

    User New(MemberEntry entry)
    {
        var user = new User
        {
            Id = Guid.NewGuid(), Username = entry.NewUsername(), Email = entry.Email, GivenName = entry.GivenName, FamilyName = entry.FamilyName,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Users.Add(user);
        return user;
    }
}
