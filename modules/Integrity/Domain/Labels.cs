namespace Modular.Modules.Integrity.Domain;

/// <summary>English keys (translated in Resources/zh-CN.json) and status tones for the module's values.</summary>
public static class Labels
{
    public static string Talk(TalkKind k) => k switch
    {
        TalkKind.OnTakingOffice => "On taking office",
        TalkKind.Reminder => "Reminder talk",
        TalkKind.Festival => "Before a festival",
        _ => "Other",
    };

    public static string Warning(WarningKind k) => k switch
    {
        WarningKind.BaseVisit => "Visit to an education base",
        WarningKind.WarningFilm => "Warning film",
        _ => "Case study for rectification",
    };

    public static string Level(RiskLevel l) => l switch { RiskLevel.High => "High", RiskLevel.Medium => "Medium", _ => "Low" };

    public static string LevelTone(RiskLevel l) => l switch { RiskLevel.High => "danger", RiskLevel.Medium => "warning", _ => "neutral" };

    public static string Mode(InspectionMode m) => m == InspectionMode.Open ? "Open inspection" : "Unannounced visit";

    public static string Target(InspectionTarget t) => t == InspectionTarget.Window ? "Service window" : "Department";

    public static string Outcome(ReviewOutcome o) => o switch { ReviewOutcome.Confirmed => "Confirmed", ReviewOutcome.Updated => "Updated", _ => "Not reviewed yet" };

    public static string Festival(Festival f) => f switch
    {
        Domain.Festival.NewYear => "New Year's Day",
        Domain.Festival.SpringFestival => "Spring Festival",
        Domain.Festival.Qingming => "Qingming Festival",
        Domain.Festival.MayDay => "May Day",
        Domain.Festival.DragonBoat => "Dragon Boat Festival",
        Domain.Festival.MidAutumn => "Mid-Autumn Festival",
        _ => "National Day",
    };
}
