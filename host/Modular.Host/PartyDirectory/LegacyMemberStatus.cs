using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>
/// The single member status of SDK 1.3 and before (0 applicant … 4 full member, 5 transferred out, 6 mobile, 7 lost
/// contact, 8 deceased), read into a stage and a situation: by the migration <c>MemberStageSituation</c> (whose SQL
/// states the same rule) and by the Excel import's old 状态 column.
/// </summary>
/// <remarks>
/// The rule: 0–4 keep their stage, situation normal. 5–8 become that situation, at the stage of a full member, unless the
/// dates say probationary: joined (入党日期) less than two years ago — probation's longest — and no date of full membership.
/// </remarks>
public static class LegacyMemberStatus
{
    /// <summary>The old status values, by the labels the import and export used.</summary>
    public static readonly IReadOnlyDictionary<string, int> Labels = new Dictionary<string, int>
    {
        ["入党申请人"] = 0, ["入党积极分子"] = 1, ["发展对象"] = 2, ["预备党员"] = 3, ["正式党员"] = 4,
        ["已转出"] = 5, ["流动党员"] = 6, ["失联党员"] = 7, ["失联"] = 7, ["已去世"] = 8, ["已故"] = 8,
    };

    public static (MemberStage Stage, MemberSituation Situation) Map(int status, DateOnly? joined, DateOnly? fullMember, DateOnly today)
    {
        if (status is >= 0 and <= 4) return ((MemberStage)status, MemberSituation.Normal);
        var situation = status switch
        {
            5 => MemberSituation.TransferredOut,
            6 => MemberSituation.Mobile,
            7 => MemberSituation.LostContact,
            8 => MemberSituation.Deceased,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a status of SDK 1.3."),
        };
        var probationary = fullMember is null && joined is { } j && j > today.AddYears(-2);
        return (probationary ? MemberStage.ProbationaryMember : MemberStage.FullMember, situation);
    }
}
