namespace Modular.Host.PartyDirectory;

public enum MemberField { IdNumber, Phone, BirthDate, JoinedDate, FullMemberDate }

/// <summary>
/// The checks on a member's numbers and dates, shared by the edit form and the Excel import so that both refuse
/// the same things. Messages are resource keys (English), shown in the user's language by the caller.
/// </summary>
public static class MemberRules
{
    /// <param name="BirthDateOnFile">
    /// The stored birth date, for the age-at-joining check only, and only for someone who may see it in full: for
    /// anyone else a refusal would tell them something about it (and so about the ID number's hidden digits).
    /// </param>
    public sealed record Facts(string? IdNumber, string? Phone, DateOnly? BirthDate, DateOnly? JoinedDate, DateOnly? FullMemberDate, DateOnly? BirthDateOnFile = null);

    public static IEnumerable<(MemberField Field, string Message)> Check(Facts m, DateOnly today)
    {
        var birth = m.BirthDate;
        if (m.IdNumber is { } id)
        {
            if (!PersonalDataFormat.IsValidIdNumber(id))
                yield return (MemberField.IdNumber, "This is not a valid 18-character ID number (check the last character).");
            else if (birth is { } b && PersonalDataFormat.BirthDateOf(id) != b)
                yield return (MemberField.BirthDate, "The date of birth differs from the one in the ID number.");
            else birth ??= PersonalDataFormat.BirthDateOf(id);
        }
        if (m.Phone is { } phone && !PersonalDataFormat.IsValidMobile(phone))
            yield return (MemberField.Phone, "Enter an 11-digit mobile number starting with 1.");
        if (birth > today) yield return (MemberField.BirthDate, "The date of birth cannot be in the future.");
        if (m.JoinedDate is { } joined)
        {
            if (joined > today) yield return (MemberField.JoinedDate, "The date cannot be in the future.");
            else if ((birth ?? m.BirthDateOnFile) is { } bd && joined < bd.AddYears(18)) yield return (MemberField.JoinedDate, "A member must be at least 18 when joining.");
        }
        if (m.FullMemberDate is { } full)
        {
            if (full > today) yield return (MemberField.FullMemberDate, "The date cannot be in the future.");
            else if (m.JoinedDate is { } jd && full < jd) yield return (MemberField.FullMemberDate, "Full membership comes after joining.");
        }
    }
}
