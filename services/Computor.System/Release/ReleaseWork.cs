using Computor.Contracts.Release;
using Computor.GitLab;
using Computor.Material;
using Computor.Release;
using Computor.Persistence.Secrets;

namespace Computor.System.Release;

/// <summary>
/// What a release worker reports: its items, or one failed item whose reason says what was wrong (bad
/// material, a refused push, a GitLab step). Anything else is unexpected: MassTransit retries it, and the
/// fault finally reaches the saga.
/// </summary>
static class ReleaseWork
{
    public static async Task<IReadOnlyList<ReleaseItem>> Report(string item, Func<Task<IReadOnlyList<ReleaseItem>>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is ReleaseException or MaterialException or GitLabException or TokenCipherException)
        {
            return [new ReleaseItem(item, ReleaseItem.Failed, e.Message)];
        }
    }
}
