using System.Text.Json.Serialization;

namespace Computor.Contracts.Release;

/// <summary>
/// A release worker's report of items it finished (one student, or all directories of a course-contents
/// release); <see cref="Total"/> is set when the worker is the one that knows how many items there are.
/// </summary>
public sealed record ReleaseItemsFinished
{
    public required Guid CorrelationId { get; init; }
    public required IReadOnlyList<ReleaseItem> Items { get; init; }
    public int? Total { get; init; }
}

/// <summary>
/// One item's outcome: <c>created</c>, <c>updated</c>, <c>unchanged</c>, <c>skipped</c> or <c>failed</c>
/// (with the reason).
/// </summary>
public sealed record ReleaseItem(string Item, string Outcome, string? Reason = null)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    [JsonIgnore]
    public bool IsFailure => Outcome == Failed;
}
