using Modular.Host.Localization;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>Display names of the directory's kinds, statuses and posts, in the user's language.</summary>
public sealed class DirectoryLabels(IText text)
{
    public string Kind(OrganizationKind k) => text[k switch
    {
        OrganizationKind.AgencyCommittee => "Agency Party committee",
        OrganizationKind.GeneralBranch => "General branch",
        OrganizationKind.Branch => "Branch",
        _ => "Party group",
    }];

    public string Status(MemberStatus s) => text[s switch
    {
        MemberStatus.Applicant => "Applicant",
        MemberStatus.Activist => "Activist",
        MemberStatus.DevelopmentCandidate => "Candidate for development",
        MemberStatus.ProbationaryMember => "Probationary member",
        MemberStatus.FullMember => "Full member",
        MemberStatus.TransferredOut => "Transferred out",
        MemberStatus.Mobile => "Mobile member",
        MemberStatus.LostContact => "Lost contact",
        _ => "Deceased",
    }];

    public string Post(CommitteePost p) => text[p switch
    {
        CommitteePost.Secretary => "Secretary",
        CommitteePost.DeputySecretary => "Deputy secretary",
        CommitteePost.OrganizationCommissioner => "Organisation commissioner",
        CommitteePost.PublicityCommissioner => "Publicity commissioner",
        CommitteePost.DisciplineCommissioner => "Discipline inspection commissioner",
        _ => "Committee member",
    }];

    public string Gender(Gender g) => text[g switch { Sdk.Gender.Male => "Male", Sdk.Gender.Female => "Female", _ => "Unknown" }];

    /// <summary>Status chip colour: full members green, probationary blue, on the way in neutral, needing attention amber.</summary>
    public static string Tone(MemberStatus s) => s switch
    {
        MemberStatus.FullMember => "good",
        MemberStatus.ProbationaryMember => "info",
        MemberStatus.Mobile or MemberStatus.LostContact => "warning",
        _ => "neutral",
    };

    public static string Tone(WarningLevel level) => level switch
    {
        WarningLevel.Danger => "danger",
        WarningLevel.Warning => "warning",
        _ => "info",
    };

    public string Level(WarningLevel level) => text[level switch
    {
        WarningLevel.Danger => "Urgent",
        WarningLevel.Warning => "Attention",
        _ => "Reminder",
    }];
}
