using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>The "Directory" configuration section: the organisation rules that say "normally".</summary>
public sealed class DirectorySettings
{
    public int MinFullMembersPerBranch { get; set; } = 3;
    public int CommitteeFromFullMembers { get; set; } = 7;
    public int MaxMembersPerBranch { get; set; } = 50;
    public int TermWarningMonths { get; set; } = 6;
    public int TermUrgentMonths { get; set; } = 3;
}

public enum WarningLevel { Info, Warning, Danger }

public sealed record OrganizationWarning(int OrganizationId, string OrganizationName, WarningLevel Level, string Text, DateOnly? Due = null);

/// <summary>Counts per organisation that the warnings are computed from.</summary>
public sealed record OrganizationFacts(Organization Organization, int FullMembers, int PartyMembers, int CommitteeMembers);

/// <summary>Warnings computed from the data alone (never typed by anyone), shown on the organisation page and in the to-do centre.</summary>
public static class OrganizationWarnings
{
    public static IEnumerable<OrganizationWarning> For(OrganizationFacts f, DateOnly today, DirectorySettings s)
    {
        var o = f.Organization;
        if (o.Kind == OrganizationKind.Branch)
        {
            if (f.FullMembers < s.MinFullMembersPerBranch)
                yield return new(o.Id, o.Name, WarningLevel.Danger, $"正式党员 {f.FullMembers} 名，少于 {s.MinFullMembersPerBranch} 名，不具备单独设立党支部的条件。");
            if (f.FullMembers >= s.CommitteeFromFullMembers && f.CommitteeMembers < 3)
                yield return new(o.Id, o.Name, WarningLevel.Warning, $"正式党员 {f.FullMembers} 名（{s.CommitteeFromFullMembers} 名以上），应设立支部委员会（委员 3 至 5 名），现有 {f.CommitteeMembers} 名。");
            if (f.PartyMembers > s.MaxMembersPerBranch)
                yield return new(o.Id, o.Name, WarningLevel.Warning, $"党员 {f.PartyMembers} 名，超过 {s.MaxMembersPerBranch} 名，应考虑分设党支部。");
        }
        if (o.Kind != OrganizationKind.PartyGroup && o.TermEnd is { } end)
        {
            if (end < today)
                yield return new(o.Id, o.Name, WarningLevel.Danger, $"任期已于 {end:yyyy年M月d日} 届满，应及时换届。", end);
            else if (end <= today.AddMonths(s.TermUrgentMonths))
                yield return new(o.Id, o.Name, WarningLevel.Warning, $"任期将于 {end:yyyy年M月d日} 届满（{s.TermUrgentMonths} 个月内），请抓紧做好换届准备。", end);
            else if (end <= today.AddMonths(s.TermWarningMonths))
                yield return new(o.Id, o.Name, WarningLevel.Info, $"任期将于 {end:yyyy年M月d日} 届满（{s.TermWarningMonths} 个月内），请提前谋划换届工作。", end);
        }
    }

    /// <summary>Normal term by kind: agency committee 5 years, general branch and branch 3 years.</summary>
    public static int TermYears(OrganizationKind kind) => kind == OrganizationKind.AgencyCommittee ? 5 : 3;
}

/// <summary>Checks for Chinese resident ID numbers (GB 11643) and mobile numbers.</summary>
public static class PersonalDataFormat
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCodes = "10X98765432";

    public static bool IsValidIdNumber(string? value)
    {
        if (value is not { Length: 18 }) return false;
        value = value.ToUpperInvariant();
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i])) return false;
            sum += (value[i] - '0') * Weights[i];
        }
        if (CheckCodes[sum % 11] != value[17]) return false;
        return DateOnly.TryParseExact(value.Substring(6, 8), "yyyyMMdd", out _);
    }

    /// <summary>The birth date an ID number states.</summary>
    public static DateOnly? BirthDateOf(string idNumber) =>
        DateOnly.TryParseExact(idNumber.Substring(6, 8), "yyyyMMdd", out var d) ? d : null;

    public static bool IsValidMobile(string? value) =>
        value is { Length: 11 } && value[0] == '1' && value[1] is >= '3' and <= '9' && value.All(char.IsAsciiDigit);
}
