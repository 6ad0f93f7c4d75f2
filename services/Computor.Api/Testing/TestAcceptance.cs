namespace Computor.Api.Testing;

/// <summary>
/// How many test requests this API instance records at once (<c>TestRequests__AtOnce</c>, twice its cores unless set);
/// the others wait for a turn. At a deadline hundreds arrive together, and recorded all at once their threads and
/// database connections crowd out the work that passes recorded runs on to the runners and takes their results back,
/// so the runners stand idle while the requests are accepted (ADR 25).
/// </summary>
public sealed class TestAcceptance(IConfiguration configuration)
{
    readonly SemaphoreSlim turns = new(Math.Max(1, configuration.GetValue("TestRequests:AtOnce", 2 * Environment.ProcessorCount)));

    public async Task<IResult> Record(Func<Task<IResult>> submit, CancellationToken cancellationToken)
    {
        await turns.WaitAsync(cancellationToken);
        try
        {
            return await submit();
        }
        finally
        {
            turns.Release();
        }
    }
}
