using Modular.Modules.Civilization.Domain;
using Modular.Sdk;

namespace Modular.Modules.Civilization.Rules;

/// <summary>
/// A criterion's evidence and review, as a small state machine: evidence puts the item in review (and a criterion not
/// started in progress); the reviewer's mark ends the wait; deleting evidence puts the item back as the remaining
/// evidence leaves it. Problems are (field, English message key, arguments), localised by the page.
/// </summary>
public static class ItemRules
{
    public const int MaxEvidence = 4000, MaxComment = 1000;

    /// <summary>Where an item stands: its status and whether evidence waits for the reviewer.</summary>
    public sealed record State(ItemStatus Status, bool AwaitingReview);

    /// <summary>Evidence came in: the reviewer is asked to look at it; a criterion not started is now in progress.</summary>
    public static State AfterEvidence(State item) =>
        new(item.Status == ItemStatus.NotStarted ? ItemStatus.InProgress : item.Status, true);

    /// <summary>
    /// An entry was deleted: the item waits for review only while an entry came in after the last review; it is 未开始
    /// again when the last entry goes before any review.
    /// </summary>
    /// <param name="reviewedAt">The last review, if any.</param>
    /// <param name="remaining">When the entries that are left came in.</param>
    public static State AfterEvidenceDeleted(State item, DateTime? reviewedAt, IReadOnlyCollection<DateTime> remaining)
    {
        var awaiting = remaining.Any(at => reviewedAt is not { } reviewed || at > reviewed);
        var status = remaining.Count == 0 && reviewedAt is null && item.Status == ItemStatus.InProgress ? ItemStatus.NotStarted : item.Status;
        return new(status, awaiting);
    }

    /// <summary>The reviewer's mark: the status given, nothing waiting any more.</summary>
    public static State AfterReview(ItemStatus status) => new(status, false);

    /// <summary>
    /// Its author may delete an entry until a reviewer has marked the item met after the entry came in: what the verdict
    /// rests on stays. (The Party office may always.)
    /// </summary>
    public static bool AuthorMayDelete(ItemStatus status, DateTime? reviewedAt, DateTime submittedAt) =>
        !(status == ItemStatus.Met && reviewedAt is { } reviewed && reviewed >= submittedAt);

    /// <summary>Files may be taken back by those who may submit, while the item is not marked met.</summary>
    public static bool MayRemoveFiles(bool maySubmit, ItemStatus status) => maySubmit && status != ItemStatus.Met;

    /// <summary>Evidence needs a description of what was done, of at most <see cref="MaxEvidence"/> characters (trimmed).</summary>
    public static List<Problem> CheckEvidence(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [new("EvidenceText", "Describe the evidence: what was done, when, and where the records are.")];
        return text.Length > MaxEvidence ? [new("EvidenceText", "At most {0} characters.", MaxEvidence)] : [];
    }

    /// <summary>
    /// A review needs a status of the list; 未达标 needs a comment saying what is missing; the comment is at most
    /// <see cref="MaxComment"/> characters (trimmed); a review of a stale page (another version) is refused.
    /// </summary>
    /// <param name="stale">The item changed since the reviewer's page was shown.</param>
    public static List<Problem> CheckReview(ItemStatus status, string? comment, bool stale)
    {
        var problems = new List<Problem>();
        if (!Enum.IsDefined(status)) problems.Add(new("ReviewStatus", "Choose the status from the list."));
        if (status == ItemStatus.NotMet && string.IsNullOrEmpty(comment)) problems.Add(new("ReviewComment", "Say what is missing, so that the owner can complete it."));
        if (comment is { Length: > MaxComment }) problems.Add(new("ReviewComment", "At most {0} characters.", MaxComment));
        if (stale) problems.Add(Problem.Stale());
        return problems;
    }
}
