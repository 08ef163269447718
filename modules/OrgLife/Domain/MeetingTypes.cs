using Modular.Sdk;

namespace Modular.Modules.OrgLife.Domain;

/// <summary>三会一课, theme Party day and the organisational life meeting (names from the domain glossary).</summary>
public enum MeetingType
{
    BranchMembersMeeting = 0,
    BranchCommitteeMeeting = 1,
    PartyGroupMeeting = 2,
    PartyLecture = 3,
    ThemePartyDay = 4,
    OrganizationalLifeMeeting = 5,
}

public enum MeetingStatus { Planned = 0, Held = 1, Cancelled = 2 }

/// <summary>Attendance of one expected attendee: not yet recorded, present, on leave (with a reason), absent.</summary>
public enum Attendance { Expected = 0, Present = 1, Leave = 2, Absent = 3 }

/// <summary>How often a meeting type is due; the value is the length of a period in months (0: not required).</summary>
public enum Cadence { Off = 0, Monthly = 1, Quarterly = 3, HalfYearly = 6, Yearly = 12 }

/// <summary>民主评议党员 grades.</summary>
public enum AppraisalGrade { Excellent = 0, Qualified = 1, BasicallyQualified = 2, Unqualified = 3 }

/// <summary>
/// 民主评议党员 stages, in the order they are held: self-appraisal → peer appraisal → democratic evaluation (the vote) →
/// grades → results published. An appraisal's stage is the one under way; each earlier one is done, with its date.
/// </summary>
public enum AppraisalStage { SelfAppraisal = 0, PeerAppraisal = 1, Voting = 2, Grading = 3, Published = 4 }

/// <summary>Names of the module's enums in Chinese and English (<see cref="LocalizedText.Current"/> picks by culture).</summary>
public static class Labels
{
    public static readonly IReadOnlyList<MeetingType> MeetingTypes = Enum.GetValues<MeetingType>();

    private static readonly Dictionary<Enum, LocalizedText> Texts = new()
    {
        [MeetingType.BranchMembersMeeting] = new("支部党员大会", "Branch members' meeting"),
        [MeetingType.BranchCommitteeMeeting] = new("支部委员会", "Branch committee meeting"),
        [MeetingType.PartyGroupMeeting] = new("党小组会", "Party group meeting"),
        [MeetingType.PartyLecture] = new("党课", "Party lecture"),
        [MeetingType.ThemePartyDay] = new("主题党日", "Theme Party day"),
        [MeetingType.OrganizationalLifeMeeting] = new("组织生活会", "Organisational life meeting"),
        [MeetingStatus.Planned] = new("已计划", "Planned"),
        [MeetingStatus.Held] = new("已召开", "Held"),
        [MeetingStatus.Cancelled] = new("已取消", "Cancelled"),
        [Attendance.Expected] = new("待记录", "Not recorded"),
        [Attendance.Present] = new("出席", "Present"),
        [Attendance.Leave] = new("请假", "On leave"),
        [Attendance.Absent] = new("缺席", "Absent"),
        [Cadence.Off] = new("不作要求", "Not required"),
        [Cadence.Monthly] = new("每月", "Monthly"),
        [Cadence.Quarterly] = new("每季度", "Quarterly"),
        [Cadence.HalfYearly] = new("每半年", "Half-yearly"),
        [Cadence.Yearly] = new("每年", "Yearly"),
        [AppraisalGrade.Excellent] = new("优秀", "Excellent"),
        [AppraisalGrade.Qualified] = new("合格", "Qualified"),
        [AppraisalGrade.BasicallyQualified] = new("基本合格", "Basically qualified"),
        [AppraisalGrade.Unqualified] = new("不合格", "Unqualified"),
        [AppraisalStage.SelfAppraisal] = new("个人自评", "Self-appraisal"),
        [AppraisalStage.PeerAppraisal] = new("党员互评", "Peer appraisal"),
        [AppraisalStage.Voting] = new("民主测评", "Vote"),
        [AppraisalStage.Grading] = new("评定等次", "Grades"),
        [AppraisalStage.Published] = new("结果已公布", "Published"),
    };

    public static LocalizedText Text(Enum value) => Texts.TryGetValue(value, out var t) ? t : new LocalizedText(value.ToString());

    /// <summary>The name in the user's language.</summary>
    public static string Label(this Enum value) => Text(value).Current;

    /// <summary>The Chinese name (documents and exports).</summary>
    public static string Zh(this Enum value) => Text(value).Zh;

    /// <summary>The default cadence of DOMAIN.md; agencies tune it in the module's settings.</summary>
    public static Cadence DefaultCadence(this MeetingType type) => type switch
    {
        MeetingType.BranchMembersMeeting => Cadence.Quarterly,
        MeetingType.BranchCommitteeMeeting => Cadence.Monthly,
        MeetingType.PartyGroupMeeting => Cadence.Monthly,
        MeetingType.PartyLecture => Cadence.Quarterly,
        MeetingType.ThemePartyDay => Cadence.Monthly,
        MeetingType.OrganizationalLifeMeeting => Cadence.Yearly,
        _ => Cadence.Off,
    };
}
