namespace Modular.Modules.Civilization.Domain;

/// <summary>English keys (translated in Resources/zh-CN.json) and status tones for the module's values.</summary>
public static class Labels
{
    public static string Title(TitleLevel t) => t switch
    {
        TitleLevel.MunicipalCivilizedUnit => "Municipal civilized unit",
        TitleLevel.ProvincialCivilizedUnit => "Provincial civilized unit",
        TitleLevel.ModelUnit => "Model civilized unit",
        _ => "Other title",
    };

    public static string Status(CampaignStatus s) => s switch
    {
        CampaignStatus.Planning => "Planning",
        CampaignStatus.InProgress => "In progress",
        CampaignStatus.Submitted => "Submitted",
        CampaignStatus.Awarded => "Awarded",
        _ => "Not awarded",
    };

    public static string Tone(CampaignStatus s) => s switch
    {
        CampaignStatus.Planning => "neutral",
        CampaignStatus.InProgress or CampaignStatus.Submitted => "info",
        CampaignStatus.Awarded => "good",
        _ => "danger",
    };

    public static string Status(ItemStatus s) => s switch
    {
        ItemStatus.NotStarted => "Not started",
        ItemStatus.InProgress => "Under way",
        ItemStatus.Met => "Met",
        _ => "Not met",
    };

    public static string Tone(ItemStatus s) => s switch
    {
        ItemStatus.NotStarted => "neutral",
        ItemStatus.InProgress => "info",
        ItemStatus.Met => "good",
        _ => "danger",
    };

    public static string Kind(PracticeKind k) => k switch
    {
        PracticeKind.PolicyTalk => "Policy talk",
        PracticeKind.Visit => "Visit",
        PracticeKind.CulturalEvent => "Cultural event",
        _ => "Volunteer service",
    };

    public static string Level(HonourLevel l) => l switch
    {
        HonourLevel.National => "National",
        HonourLevel.Provincial => "Provincial",
        HonourLevel.Municipal => "Municipal",
        HonourLevel.District => "District or county",
        _ => "Other level",
    };
}
