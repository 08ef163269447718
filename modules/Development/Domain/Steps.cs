namespace Modular.Modules.Development.Domain;

/// <summary>The five stages of developing a new member (发展党员), in order.</summary>
public enum Stage
{
    /// <summary>申请入党: steps 1–2.</summary>
    Application = 1,
    /// <summary>入党积极分子的确定和培养教育: steps 3–6.</summary>
    Activist = 2,
    /// <summary>发展对象的确定和考察: steps 7–11.</summary>
    Candidate = 3,
    /// <summary>预备党员的接收: steps 12–18.</summary>
    Admission = 4,
    /// <summary>预备党员的教育考察和转正: steps 19–25.</summary>
    Probation = 5,
}

/// <summary>Where a case stands: on the way, finished (full member, records filed) or ended.</summary>
public enum CaseStatus
{
    Open = 0,
    Completed = 1,
    /// <summary>Probationary membership cancelled (step 23), which ends the case.</summary>
    Cancelled = 2,
}

/// <summary>What the branch members' meeting decided at step 23.</summary>
public enum ProbationOutcome
{
    /// <summary>按期转正.</summary>
    FullMembership = 0,
    /// <summary>延长预备期 (once, 6–12 months; back to step 21).</summary>
    Extend = 1,
    /// <summary>取消预备党员资格 (ends the case).</summary>
    Cancel = 2,
}

/// <summary>A named person's part in a case: mentors (培养联系人, step 5) and sponsors (入党介绍人, step 9).</summary>
public enum HelperRole
{
    Mentor = 0,
    Sponsor = 1,
}

/// <summary>The typed fields a step records besides its date, actor and note.</summary>
[Flags]
public enum StepFields
{
    None = 0,
    Mentors = 1,
    Sponsors = 2,
    /// <summary>A written conclusion (the political review's 政审结论).</summary>
    Conclusion = 4,
    /// <summary>Training days and class hours.</summary>
    Training = 8,
    /// <summary>Vote figures of a branch members' meeting, optionally from the org-life meeting where it happened.</summary>
    Vote = 16,
    /// <summary>The outcome of the vote on full membership.</summary>
    Outcome = 32,
}

/// <summary>One of the 25 steps: its number, stage, who acts, the rule on its timing, what it records. Texts are English keys of the module's resources.</summary>
/// <param name="Number">1–25.</param>
/// <param name="Stage">The stage it belongs to.</param>
/// <param name="Name">What is done.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="TimeRule">The rule on its timing, if any.</param>
/// <param name="Fields">The typed fields it records.</param>
/// <param name="Repeatable">Recorded again and again until the next step (reviews, education, training sessions).</param>
public sealed record StepDefinition(int Number, Stage Stage, string Name, string Actor, string? TimeRule, StepFields Fields = StepFields.None, bool Repeatable = false);

/// <summary>The 25 steps of the Central Organization Department's flow chart (../shared/DOMAIN.md), 2/4/5/7/7 per stage.</summary>
public static class Steps
{
    public const int Application = 1;
    public const int Talk = 2;
    public const int ActivistDecided = 3;
    public const int Mentors = 5;
    public const int ActivistReview = 6;
    public const int CandidateDecided = 7;
    public const int Sponsors = 9;
    public const int PoliticalReview = 10;
    public const int Training = 11;
    public const int AdmissionVote = 15;
    public const int HigherTalk = 16;
    public const int AdmissionApproval = 17;
    public const int ProbationEducation = 21;
    public const int FullMembershipRequest = 22;
    public const int FullMembershipVote = 23;
    public const int FullMembershipApproval = 24;
    public const int Filed = 25;
    public const int Count = 25;

    private const string Applicant = "Applicant";
    private const string Committee = "Branch committee";
    private const string Higher = "Higher Party committee";
    private const string MembersMeeting = "Branch members' meeting";

    public static readonly IReadOnlyList<StepDefinition> All =
    [
        new(1, Stage.Application, "Application submitted in writing", Applicant, "At least 18 years old"),
        new(2, Stage.Application, "Talk with the applicant", "Secretary or organisation commissioner", "Within 1 month of the application"),
        new(3, Stage.Activist, "Activist recommended and decided", Committee, null),
        new(4, Stage.Activist, "Activist filed with the higher committee", Higher, null),
        new(5, Stage.Activist, "Mentors named", Committee, "1 or 2 full members", StepFields.Mentors),
        new(6, Stage.Activist, "Training and review of the activist", "Mentors and branch", "Every 6 months", Repeatable: true),
        new(7, Stage.Candidate, "Candidate for development decided", Committee, "At least 1 year after becoming an activist"),
        new(8, Stage.Candidate, "Candidate filed with the higher committee", Higher, null),
        new(9, Stage.Candidate, "Sponsors named", Committee, "2 full members", StepFields.Sponsors),
        new(10, Stage.Candidate, "Political review", Committee, "A written conclusion, before admission", StepFields.Conclusion),
        new(11, Stage.Candidate, "Concentrated training", "Party committee", "At least 3 days or 24 class hours", StepFields.Training, Repeatable: true),
        new(12, Stage.Admission, "Review by the branch committee", Committee, null),
        new(13, Stage.Admission, "Pre-review by the higher committee", Higher, "Not for someone leaving the unit within 3 months"),
        new(14, Stage.Admission, "Application form filled in", "Candidate", null),
        new(15, Stage.Admission, "Branch members' meeting votes on admission", MembersMeeting, "More than half of the full members due present and for; one candidate at a time", StepFields.Vote),
        new(16, Stage.Admission, "Talk by the higher committee", Higher, "Before the approval"),
        new(17, Stage.Admission, "Approval by the higher committee", Higher, "Within 3 months of the vote (6 at most)"),
        new(18, Stage.Admission, "Filed with the organisation department", Higher, null),
        new(19, Stage.Probation, "Placed in a branch and Party group", Committee, null),
        new(20, Stage.Probation, "Oath ceremony", "Branch", null),
        new(21, Stage.Probation, "Education and review during probation", "Branch", "Probation of 1 year from the vote", Repeatable: true),
        new(22, Stage.Probation, "Written request for full membership", "Probationary member", "When probation ends"),
        new(23, Stage.Probation, "Branch members' meeting votes on full membership", MembersMeeting, "Not before probation ends; extension once by 6 to 12 months", StepFields.Vote | StepFields.Outcome),
        new(24, Stage.Probation, "Approval of full membership by the higher committee", Higher, "Within 3 months of the vote"),
        new(25, Stage.Probation, "Records filed", Committee, null),
    ];

    /// <summary>The step with this number; throws outside 1–25.</summary>
    public static StepDefinition Get(int number) => number is >= 1 and <= Count ? All[number - 1] : throw new ArgumentOutOfRangeException(nameof(number));

    /// <summary>Whether <paramref name="number"/> is one of the 25 steps.</summary>
    public static bool Exists(int number) => number is >= 1 and <= Count;

    /// <summary>The English key of a stage's name.</summary>
    public static string StageName(Stage stage) => stage switch
    {
        Stage.Application => "Application",
        Stage.Activist => "Activist",
        Stage.Candidate => "Candidate for development",
        Stage.Admission => "Admission as probationary member",
        _ => "Probation and full membership",
    };

    /// <summary>The English key of an outcome of step 23.</summary>
    public static string OutcomeName(ProbationOutcome outcome) => outcome switch
    {
        ProbationOutcome.FullMembership => "Full membership on time",
        ProbationOutcome.Extend => "Probation extended",
        _ => "Probationary membership cancelled",
    };

    public static string StatusName(CaseStatus status) => status switch
    {
        CaseStatus.Open => "On the way",
        CaseStatus.Completed => "Completed",
        _ => "Cancelled",
    };

    public static string HelperName(HelperRole role) => role == HelperRole.Mentor ? "Mentor" : "Sponsor";
}
