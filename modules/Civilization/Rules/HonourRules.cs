using Modular.Modules.Civilization.Domain;
using Modular.Sdk;

namespace Modular.Modules.Civilization.Rules;

/// <summary>The honour form's fields, as typed.</summary>
public sealed record HonourLine(string? Title, int? Year, HonourLevel Level, string? IssuingBody, int? CampaignId);

/// <summary>What a title won must have: the title, the year, a level of the list, the issuing body, and a campaign of the list if any.</summary>
public static class HonourRules
{
    public const int MaxTitle = 100, MaxIssuingBody = 100;

    /// <param name="campaigns">The agency's campaigns.</param>
    public static List<Problem> Check(HonourLine honour, IReadOnlyCollection<int> campaigns)
    {
        var problems = new List<Problem>();
        var title = honour.Title?.Trim();
        var body = honour.IssuingBody?.Trim();
        if (string.IsNullOrEmpty(title)) problems.Add(new("Title", "Enter the title won."));
        else if (title.Length > MaxTitle) problems.Add(new("Title", "At most {0} characters.", MaxTitle));
        if (!FormRules.IsYear(honour.Year)) problems.Add(new("Year", "Enter a year between 2000 and 2100."));
        if (!Enum.IsDefined(honour.Level)) problems.Add(new("Level", "Choose the level from the list."));
        if (string.IsNullOrEmpty(body)) problems.Add(new("IssuingBody", "Enter the issuing body."));
        else if (body.Length > MaxIssuingBody) problems.Add(new("IssuingBody", "At most {0} characters.", MaxIssuingBody));
        if (honour.CampaignId is { } c && !campaigns.Contains(c)) problems.Add(new("CampaignId", "Choose the campaign from the list."));
        return problems;
    }
}
