using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Tests.PartyDirectory;

/// <summary>The rules with numbers, at their boundaries.</summary>
public sealed class DirectoryRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DirectorySettings Settings = new();

    private static List<OrganizationWarning> Warn(int full, int party, int committee, DateOnly? termEnd = null, OrganizationKind kind = OrganizationKind.Branch) =>
        OrganizationWarnings.For(new OrganizationFacts(new Organization { Id = 1, Name = "第一党支部", Kind = kind, TermEnd = termEnd }, full, party, committee), Today, Settings).ToList();

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void A_branch_needs_three_full_members(int full, bool warned) =>
        Assert.Equal(warned, Warn(full, full, 1).Any(w => w.Text.Contains("少于 3 名")));

    [Theory]
    [InlineData(6, 0, false)]
    [InlineData(7, 2, true)]
    [InlineData(7, 3, false)]
    public void Seven_full_members_need_a_committee(int full, int committee, bool warned) =>
        Assert.Equal(warned, Warn(full, full, committee).Any(w => w.Text.Contains("应设立支部委员会")));

    [Theory]
    [InlineData(50, false)]
    [InlineData(51, true)]
    public void More_than_fifty_members_suggests_splitting(int party, bool warned) =>
        Assert.Equal(warned, Warn(40, party, 5).Any(w => w.Text.Contains("应考虑分设")));

    [Theory]
    [InlineData(-1, WarningLevel.Danger)]      // ended yesterday
    [InlineData(0, WarningLevel.Warning)]      // ends today
    [InlineData(90, WarningLevel.Warning)]     // 2027-02-21, within 3 months
    [InlineData(95, WarningLevel.Info)]        // beyond 3 months, within 6
    [InlineData(182, WarningLevel.Info)]       // 2027-05-24 > 2027-05-23: no longer within 6 months
    public void Term_reminders_by_date(int daysFromToday, WarningLevel expected)
    {
        var end = Today.AddDays(daysFromToday);
        var warnings = Warn(5, 5, 1, end).Where(w => w.Due is not null).ToList();
        if (end > Today.AddMonths(6)) Assert.Empty(warnings);
        else Assert.Equal(expected, Assert.Single(warnings).Level);
    }

    [Fact]
    public void Six_months_is_the_last_day_with_a_reminder()
    {
        Assert.Single(Warn(5, 5, 1, Today.AddMonths(6)), w => w.Due is not null);
        Assert.DoesNotContain(Warn(5, 5, 1, Today.AddMonths(6).AddDays(1)), w => w.Due is not null);
        Assert.Equal(WarningLevel.Warning, Warn(5, 5, 1, Today.AddMonths(3)).Single(w => w.Due is not null).Level);
        Assert.Equal(WarningLevel.Info, Warn(5, 5, 1, Today.AddMonths(3).AddDays(1)).Single(w => w.Due is not null).Level);
    }

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("11010519491331002X", false)]
    [InlineData("1101051949123100", false)]
    public void ID_numbers_are_checked(string id, bool valid) => Assert.Equal(valid, PersonalDataFormat.IsValidIdNumber(id));

    [Fact]
    public void Masks_follow_the_baseline()
    {
        Assert.Equal("410102********0024", Mask.IdNumber("410102199001010024"));
        Assert.Equal("138****1027", Mask.Phone("13812341027"));
    }
}
