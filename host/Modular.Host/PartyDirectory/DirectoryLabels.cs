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

    public string Stage(MemberStage s) => text[s switch
    {
        MemberStage.Applicant => "Applicant",
        MemberStage.Activist => "Activist",
        MemberStage.DevelopmentCandidate => "Candidate for development",
        MemberStage.ProbationaryMember => "Probationary member",
        _ => "Full member",
    }];

    public string Situation(MemberSituation s) => text[s switch
    {
        MemberSituation.Normal => "Normal",
        MemberSituation.Mobile => "Mobile (away)",
        MemberSituation.LostContact => "Lost contact",
        MemberSituation.Abroad => "Abroad",
        MemberSituation.TransferredOut => "Transferred out",
        MemberSituation.MembershipSuspended => "Membership suspended",
        MemberSituation.Left => "Left the Party",
        _ => "Deceased",
    }];

    public string TransferState(TransferState s) => text[s switch
    {
        Modular.Sdk.TransferState.Accepted => "Transfer accepted",
        Modular.Sdk.TransferState.Returned => "Transfer returned",
        Modular.Sdk.TransferState.Cancelled => "Transfer withdrawn",
        _ => "Transfer waiting for acceptance",
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

    /// <summary>Stage chip colour: full members green, probationary blue, on the way in neutral.</summary>
    public static string Tone(MemberStage s) => s switch
    {
        MemberStage.FullMember => "good",
        MemberStage.ProbationaryMember => "info",
        _ => "neutral",
    };

    /// <summary>Situation chip colour: away amber, gone grey, normal none.</summary>
    public static string Tone(MemberSituation s) => s switch
    {
        MemberSituation.Mobile or MemberSituation.LostContact or MemberSituation.Abroad => "warning",
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
