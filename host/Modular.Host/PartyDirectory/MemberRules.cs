using System.Linq.Expressions;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>
/// The checks on a member's numbers and dates, shared by the edit form, the Excel import and the SDK's member changes so
/// that all refuse the same things. Problems name the field (<c>IdNumber</c>, <c>Phone</c>, <c>BirthDate</c>, and the
/// stage dates of <see cref="StageDates"/>); messages are resource keys (English), shown in the user's language by the caller.
/// </summary>
public static class MemberRules
{
    /// <param name="BirthDateOnFile">
    /// The stored birth date, for the age checks only, and only for someone who may see it in full: for anyone else a
    /// refusal would tell them something about it (and so about the ID number's hidden digits).
    /// </param>
    public sealed record Facts(string? IdNumber, string? Phone, DateOnly? BirthDate, StageDates Stage, DateOnly? BirthDateOnFile = null);

    public static IEnumerable<Problem> Check(Facts m, DateOnly today)
    {
        var birth = m.BirthDate;
        if (m.IdNumber is { } id)
        {
            if (!PersonalDataFormat.IsValidIdNumber(id))
                yield return new("IdNumber", "This is not a valid 18-character ID number (check the last character).");
            else if (birth is { } b && PersonalDataFormat.BirthDateOf(id) != b)
                yield return new("BirthDate", "The date of birth differs from the one in the ID number.");
            else birth ??= PersonalDataFormat.BirthDateOf(id);
        }
        if (m.Phone is { } phone && !PersonalDataFormat.IsValidMobile(phone))
            yield return new("Phone", "Enter an 11-digit mobile number starting with 1.");
        if (birth > today) yield return new("BirthDate", "The date of birth cannot be in the future.");
        foreach (var p in MemberStages.Check(m.Stage with { BirthDate = birth ?? m.BirthDateOnFile }, today)) yield return p;
    }

    /// <summary>A probationary or full member still on the roster: counts toward the branch's figures (<see cref="MemberInfo.IsPartyMember"/>).</summary>
    public static readonly Expression<Func<Member, bool>> IsPartyMember = m =>
        (m.Stage == MemberStage.FullMember || m.Stage == MemberStage.ProbationaryMember) && (m.Situation == MemberSituation.Normal
            || m.Situation == MemberSituation.Mobile || m.Situation == MemberSituation.LostContact || m.Situation == MemberSituation.Abroad);

    /// <summary>A full member still on the roster: votes, and counts toward a branch's 3 and 7 (<see cref="MemberInfo.CanVote"/>).</summary>
    public static readonly Expression<Func<Member, bool>> IsVoter = m =>
        m.Stage == MemberStage.FullMember && (m.Situation == MemberSituation.Normal
            || m.Situation == MemberSituation.Mobile || m.Situation == MemberSituation.LostContact || m.Situation == MemberSituation.Abroad);
}
