using Modular.Modules.Civilization.Domain;
using Modular.Sdk;

namespace Modular.Modules.Civilization.Rules;

/// <summary>The campaign form's fields, as typed.</summary>
public sealed record CampaignLine(string? Name, TitleLevel TitleLevel, string? TitleName, int? Year, CampaignStatus Status, int? LeaderMemberId, string? Note);

/// <summary>What a campaign must have: a name, a title of the list (named when "other"), a year, a status and a leader offered by the picker.</summary>
public static class CampaignRules
{
    public const int MaxName = 100, MaxTitleName = 50, MaxNote = 2000;

    /// <param name="leaders">The members the picker offers.</param>
    /// <param name="storedLeader">The leader the campaign has now (kept even when no longer offered).</param>
    public static List<Problem> Check(CampaignLine campaign, IReadOnlyCollection<int> leaders, int? storedLeader)
    {
        var problems = new List<Problem>();
        var name = campaign.Name?.Trim();
        if (string.IsNullOrEmpty(name)) problems.Add(new("Name", "Enter the campaign's name."));
        else if (name.Length > MaxName) problems.Add(new("Name", "At most {0} characters.", MaxName));
        if (!Enum.IsDefined(campaign.TitleLevel)) problems.Add(new("TitleLevel", "Choose the title from the list."));
        var titleName = campaign.TitleName?.Trim();
        if (campaign.TitleLevel == TitleLevel.Other && string.IsNullOrEmpty(titleName)) problems.Add(new("TitleName", "Enter the title sought."));
        else if (titleName is { Length: > MaxTitleName }) problems.Add(new("TitleName", "At most {0} characters.", MaxTitleName));
        if (!FormRules.IsYear(campaign.Year)) problems.Add(new("Year", "Enter a year between 2000 and 2100."));
        if (!Enum.IsDefined(campaign.Status)) problems.Add(new("Status", "Choose the status from the list."));
        if (campaign.LeaderMemberId is { } leader && !leaders.Contains(leader) && leader != storedLeader)
            problems.Add(new("LeaderMemberId", "Choose the leader from the list."));
        if (campaign.Note is { Length: > MaxNote }) problems.Add(new("Note", "At most {0} characters.", MaxNote));
        return problems;
    }
}
