namespace Modular.Modules.Volunteer.Domain;

/// <summary>English keys (translated in Resources/zh-CN.json) and status tones for the module's values.</summary>
public static class Labels
{
    public static string Kind(ActivityKind k) => k switch
    {
        ActivityKind.LeiFeng => "Lei Feng volunteer service",
        ActivityKind.DoorToDoor => "Door-to-door service",
        ActivityKind.ExtendedHours => "Extended-hours service",
        ActivityKind.Proxy => "Proxy service",
        ActivityKind.CivilityPersuasion => "Civility persuasion",
        ActivityKind.CommunityService => "Community or village service",
        _ => "Other",
    };

    public static string Status(ActivityStatus s) => s switch
    {
        ActivityStatus.Draft => "Draft",
        ActivityStatus.Published => "Published",
        ActivityStatus.Finished => "Finished",
        _ => "Cancelled",
    };

    /// <summary>CSS tone of the host's status badges (status-good, status-info, …).</summary>
    public static string Tone(ActivityStatus s) => s switch
    {
        ActivityStatus.Draft => "neutral",
        ActivityStatus.Published => "info",
        ActivityStatus.Finished => "good",
        _ => "danger",
    };

    public static string SignUp(SignUpStatus s) => s switch
    {
        SignUpStatus.Accepted => "Signed up",
        SignUpStatus.Waiting => "Waiting list",
        _ => "Cancelled",
    };

    public static string Tone(SignUpStatus s) => s switch
    {
        SignUpStatus.Accepted => "good",
        SignUpStatus.Waiting => "warning",
        _ => "neutral",
    };

    public static string Partner(PartnerKind k) => k == PartnerKind.PairedCommunity ? "Paired community" : "Assisted village";
}
