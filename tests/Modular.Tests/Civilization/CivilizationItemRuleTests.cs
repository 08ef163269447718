using Modular.Modules.Civilization.Domain;
using Modular.Modules.Civilization.Rules;
using Modular.Sdk;

namespace Modular.Tests.Civilization;

/// <summary>A criterion's evidence-and-review state machine and its checks, with the times as parameters.</summary>
public sealed class CivilizationItemRuleTests
{
    private static readonly DateTime Reviewed = new(2026, 6, 15, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(ItemStatus.NotStarted, ItemStatus.InProgress)]
    [InlineData(ItemStatus.InProgress, ItemStatus.InProgress)]
    [InlineData(ItemStatus.NotMet, ItemStatus.NotMet)]
    [InlineData(ItemStatus.Met, ItemStatus.Met)]
    public void Evidence_puts_the_item_in_review_and_starts_one_not_started(ItemStatus before, ItemStatus after)
    {
        Assert.Equal(new ItemRules.State(after, true), ItemRules.AfterEvidence(new(before, false)));
    }

    [Fact]
    public void A_review_ends_the_wait_with_the_status_given()
    {
        Assert.Equal(new ItemRules.State(ItemStatus.NotMet, false), ItemRules.AfterReview(ItemStatus.NotMet));
    }

    [Fact]
    public void Deleting_the_last_entry_before_any_review_puts_the_item_back_to_not_started()
    {
        Assert.Equal(new ItemRules.State(ItemStatus.NotStarted, false), ItemRules.AfterEvidenceDeleted(new(ItemStatus.InProgress, true), null, []));
        // Once reviewed, the status stays what the reviewer said.
        Assert.Equal(new ItemRules.State(ItemStatus.InProgress, false), ItemRules.AfterEvidenceDeleted(new(ItemStatus.InProgress, true), Reviewed, []));
        Assert.Equal(new ItemRules.State(ItemStatus.NotMet, false), ItemRules.AfterEvidenceDeleted(new(ItemStatus.NotMet, true), null, []));
    }

    [Fact]
    public void The_item_waits_for_review_only_while_an_entry_came_in_after_the_last_review()
    {
        var state = new ItemRules.State(ItemStatus.NotMet, true);
        Assert.False(ItemRules.AfterEvidenceDeleted(state, Reviewed, [Reviewed.AddHours(-1), Reviewed]).AwaitingReview);
        Assert.True(ItemRules.AfterEvidenceDeleted(state, Reviewed, [Reviewed.AddHours(-1), Reviewed.AddSeconds(1)]).AwaitingReview);
        // Never reviewed: any entry left waits.
        Assert.True(ItemRules.AfterEvidenceDeleted(new(ItemStatus.InProgress, true), null, [Reviewed]).AwaitingReview);
    }

    [Fact]
    public void Its_author_may_delete_an_entry_until_the_item_is_marked_met_after_it_came_in()
    {
        var submitted = Reviewed.AddDays(-1);
        Assert.False(ItemRules.AuthorMayDelete(ItemStatus.Met, Reviewed, submitted));
        Assert.False(ItemRules.AuthorMayDelete(ItemStatus.Met, submitted, submitted));
        Assert.True(ItemRules.AuthorMayDelete(ItemStatus.Met, Reviewed, Reviewed.AddMinutes(1)));
        Assert.True(ItemRules.AuthorMayDelete(ItemStatus.NotMet, Reviewed, submitted));
        Assert.True(ItemRules.AuthorMayDelete(ItemStatus.Met, null, submitted));
    }

    [Fact]
    public void Files_may_be_taken_back_by_those_who_may_submit_until_the_item_is_met()
    {
        Assert.True(ItemRules.MayRemoveFiles(true, ItemStatus.InProgress));
        Assert.False(ItemRules.MayRemoveFiles(true, ItemStatus.Met));
        Assert.False(ItemRules.MayRemoveFiles(false, ItemStatus.InProgress));
    }

    [Fact]
    public void Evidence_needs_a_description_of_bounded_length()
    {
        Assert.Equal("EvidenceText", Assert.Single(ItemRules.CheckEvidence(null)).Field);
        Assert.Empty(ItemRules.CheckEvidence(new string('x', ItemRules.MaxEvidence)));
        Assert.Equal([ItemRules.MaxEvidence], Assert.Single(ItemRules.CheckEvidence(new string('x', ItemRules.MaxEvidence + 1))).Args);
    }

    [Fact]
    public void A_review_of_not_met_needs_a_comment_and_a_stale_page_is_refused()
    {
        Assert.Empty(ItemRules.CheckReview(ItemStatus.Met, null, stale: false));
        Assert.Equal("ReviewComment", Assert.Single(ItemRules.CheckReview(ItemStatus.NotMet, "", stale: false)).Field);
        Assert.Empty(ItemRules.CheckReview(ItemStatus.NotMet, "缺少会议记录", stale: false));
        Assert.Equal("ReviewStatus", Assert.Single(ItemRules.CheckReview((ItemStatus)42, null, stale: false)).Field);
        Assert.Equal("ReviewComment", Assert.Single(ItemRules.CheckReview(ItemStatus.Met, new string('y', ItemRules.MaxComment + 1), stale: false)).Field);
        Assert.Equal(Problem.StaleKey, Assert.Single(ItemRules.CheckReview(ItemStatus.Met, null, stale: true)).Message);
    }
}
