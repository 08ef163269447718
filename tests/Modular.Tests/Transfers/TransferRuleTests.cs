using Modular.Host.PartyDirectory;
using Modular.Modules.Transfers.Domain;
using Modular.Modules.Transfers.Rules;
using Modular.Sdk;

namespace Modular.Tests.Transfers;

/// <summary>The transfer rules at their boundaries: the validity's last day, overdue the day after, letter numbers, dues months, who decides.</summary>
public sealed class TransferRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Theory]
    [InlineData("2026-01-15", 3, "2026-04-14")]
    [InlineData("2026-11-30", 3, "2027-02-27")]
    [InlineData("2026-12-31", 1, "2027-01-30")]
    [InlineData("2026-03-01", 12, "2027-02-28")]
    public void A_validity_ends_the_day_before_the_same_date_months_later(string issued, int months, string last) =>
        Assert.Equal(DateOnly.Parse(last), Validity.LastDay(DateOnly.Parse(issued), months));

    [Fact]
    public void Overdue_from_the_day_after_the_last_valid_day()
    {
        var last = new DateOnly(2026, 4, 14);
        Assert.False(Validity.IsOverdue(last, last));
        Assert.True(Validity.IsOverdue(last, last.AddDays(1)));
        var transfer = new MemberTransferInfo { State = TransferState.Open, ValidUntil = last };
        Assert.False(transfer.IsOverdue(last));
        Assert.True(transfer.IsOverdue(last.AddDays(1)));
        Assert.False((transfer with { State = TransferState.Accepted }).IsOverdue(last.AddDays(1)));
    }

    [Fact]
    public void A_letter_is_a_pocket_member_the_day_after_its_validity_until_resolved()
    {
        var last = new DateOnly(2026, 11, 30);
        Assert.False(LetterRules.IsPocket(LetterStatus.Issued, last, last));
        Assert.True(LetterRules.IsPocket(LetterStatus.Issued, last, last.AddDays(1)));
        foreach (var resolved in new[] { LetterStatus.SlipReturned, LetterStatus.Cancelled, LetterStatus.Reissued })
            Assert.False(LetterRules.IsPocket(resolved, last, last.AddDays(1)));
    }

    [Fact]
    public void Letter_numbers_count_from_one_per_year_and_print_with_three_digits()
    {
        Assert.Equal(1, LetterNumbers.Next([]));
        Assert.Equal(8, LetterNumbers.Next([1, 7, 3]));
        Assert.Equal("〔2026〕007号", LetterNumbers.Format(2026, 7));
        Assert.Equal("〔2027〕1234号", LetterNumbers.Format(2027, 1234));
    }

    [Theory]
    [InlineData("2026-11", "2026-11-30")]
    [InlineData("2024-02", "2024-02-29")]
    [InlineData("2026-12", "2026-12-31")]
    [InlineData("2026-13", null)]
    [InlineData("十一月", null)]
    [InlineData("9999-12", null)]
    [InlineData("", null)]
    public void A_dues_month_is_kept_as_its_last_day(string text, string? last) =>
        Assert.Equal(last is null ? null : DateOnly.Parse(last), DuesMonth.Parse(text));

    [Fact]
    public void A_letter_needs_a_destination_a_date_not_ahead_and_a_validity_of_one_to_twelve_months()
    {
        Assert.Empty(LetterRules.Issue("中共某区委组织部", Today, 3, "2026-11", Today));
        Assert.Empty(LetterRules.Issue("中共某区委组织部", Today, 12, null, Today));
        Assert.Equal(["Destination"], LetterRules.Issue(" ", Today, 3, null, Today).Select(p => p.Field));
        Assert.Equal(["IssuedOn"], LetterRules.Issue("甲", Today.AddDays(1), 3, null, Today).Select(p => p.Field));
        Assert.Equal(["ValidityMonths"], LetterRules.Issue("甲", Today, 0, null, Today).Select(p => p.Field));
        Assert.Equal(["ValidityMonths"], LetterRules.Issue("甲", Today, 13, null, Today).Select(p => p.Field));
        Assert.Equal(["DuesMonth"], LetterRules.Issue("甲", Today, 3, "2026/11", Today).Select(p => p.Field));
        // Dues paid up to a year ahead, not beyond.
        Assert.Empty(LetterRules.Issue("甲", Today, 3, "2027-12", Today));
        Assert.Equal(["DuesMonth"], LetterRules.Issue("甲", Today, 3, "2028-01", Today).Select(p => p.Field));
    }

    [Fact]
    public void A_slip_comes_back_on_or_after_the_issue_and_not_ahead()
    {
        var issued = new DateOnly(2026, 10, 1);
        Assert.Empty(LetterRules.Slip(issued, issued, Today));
        Assert.Empty(LetterRules.Slip(Today, issued, Today));
        Assert.Single(LetterRules.Slip(issued.AddDays(-1), issued, Today));
        Assert.Single(LetterRules.Slip(Today.AddDays(1), issued, Today));
    }

    [Fact]
    public void Contact_attempts_and_lost_contact_are_dated_from_the_day_the_member_left_to_today()
    {
        var since = new DateOnly(2026, 6, 1);
        Assert.Empty(MobileRules.Attempt(since, since, "电话未接通", Today));
        Assert.Equal(["Date"], MobileRules.Attempt(since.AddDays(-1), since, "电话未接通", Today).Select(p => p.Field));
        Assert.Equal(["Result"], MobileRules.Attempt(Today, since, " ", Today).Select(p => p.Field));
        Assert.Empty(MobileRules.LostContact(Today, since, Today));
        Assert.Single(MobileRules.LostContact(Today.AddDays(1), since, Today));
        Assert.Single(MobileRules.LostContact(since.AddDays(-1), since, Today));
    }

    [Fact]
    public void Only_the_office_starts_a_transfer_of_someone_else_still_on_the_roster()
    {
        var office = new DataScope(true, new HashSet<int>(), 99);
        var secretary = new DataScope(false, new HashSet<int> { 5 }, 98);
        var member = new MemberInfo(7, "甲", Gender.Unknown, MemberStage.FullMember, MemberSituation.Normal, 5, null, null, "u7", false, null, null);
        var start = new TransferStart(7, null, 6, Today, Today.AddMonths(3).AddDays(-1));
        Assert.Empty(TransferRules.Start(start, member, office, "u1", Today));
        Assert.Single(TransferRules.Start(start, member, secretary, "u1", Today));
        Assert.Single(TransferRules.Start(start, member, office, "u7", Today));
        Assert.Single(TransferRules.Start(start, member with { Situation = MemberSituation.TransferredOut }, office, "u1", Today));
        Assert.Equal(["ValidUntil"], TransferRules.Start(start with { ValidUntil = Today.AddDays(-1) }, member, office, "u1", Today).Select(p => p.Field));
        Assert.Empty(TransferRules.Start(start with { ValidUntil = Today }, member, office, "u1", Today));
        // Deciding: between agencies only the office; within, also the receiving branch's committee.
        Assert.True(TransferRules.MayDecide(secretary, withinAgency: true, toOrganizationId: 5));
        Assert.False(TransferRules.MayDecide(secretary, withinAgency: true, toOrganizationId: 6));
        Assert.False(TransferRules.MayDecide(secretary, withinAgency: false, toOrganizationId: 5));
        Assert.True(TransferRules.MayDecide(office, withinAgency: false, toOrganizationId: null));
        // Accepted on the day it was sent, not the day before.
        Assert.Empty(TransferRules.DecisionDate(Today, Today, Today));
        Assert.Single(TransferRules.DecisionDate(Today.AddDays(-1), Today, Today));
    }
}
