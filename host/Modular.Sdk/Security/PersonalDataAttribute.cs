namespace Modular.Sdk;

/// <summary>How a value marked with <see cref="PersonalDataAttribute"/> is masked.</summary>
public enum PersonalDataKind
{
    /// <summary>Shown as ***.</summary>
    Other,
    /// <summary>First 6 and last 4 characters kept: 410102********0024.</summary>
    IdNumber,
    /// <summary>First 3 and last 4 digits kept: 138****1027.</summary>
    Phone,
    /// <summary>
    /// A birth date: it states the hidden digits of an ID number (positions 7-14), so it is never shown in part
    /// (no year, no age) to anyone who may not see the full ID number: ****-**-**.
    /// </summary>
    BirthDate,
}

/// <summary>
/// Marks a property that holds personal data. The host masks it wherever it leaves the page that needs it:
/// in the audit log, in lists and in exports.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute(PersonalDataKind kind = PersonalDataKind.Other) : Attribute
{
    /// <summary>Which masking rule applies.</summary>
    public PersonalDataKind Kind { get; } = kind;
}

/// <summary>The masking rules of the security baseline: 410102********0024, 138****1027, ****-**-**.</summary>
public static class Mask
{
    /// <summary>An ID number: the first six and last four characters stay.</summary>
    public static string IdNumber(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Length <= 10 ? new string('*', value.Length) : value[..6] + new string('*', value.Length - 10) + value[^4..];

    /// <summary>A phone number: the first three and last four digits stay.</summary>
    public static string Phone(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Length < 8 ? new string('*', value.Length) : value[..3] + new string('*', value.Length - 7) + value[^4..];

    /// <summary>A birth date reveals nothing: not the year, not the age.</summary>
    public static string BirthDate(string? value) => string.IsNullOrEmpty(value) ? "" : "****-**-**";

    /// <summary>The rule of <paramref name="kind"/> applied to <paramref name="value"/>.</summary>
    public static string Apply(PersonalDataKind kind, string? value) => kind switch
    {
        PersonalDataKind.IdNumber => IdNumber(value),
        PersonalDataKind.Phone => Phone(value),
        PersonalDataKind.BirthDate => BirthDate(value),
        _ => string.IsNullOrEmpty(value) ? "" : "***",
    };
}
