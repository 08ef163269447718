namespace Modular.Sdk;

public enum PersonalDataKind { Other, IdNumber, Phone }

/// <summary>
/// Marks a property that holds personal data. The host masks it wherever it leaves the page that needs it:
/// in the audit log, in lists and in exports.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute(PersonalDataKind kind = PersonalDataKind.Other) : Attribute
{
    public PersonalDataKind Kind { get; } = kind;
}

/// <summary>The masking rules of the security baseline: 410102********0024, 138****1027.</summary>
public static class Mask
{
    public static string IdNumber(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Length <= 10 ? new string('*', value.Length) : value[..6] + new string('*', value.Length - 10) + value[^4..];

    public static string Phone(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Length < 8 ? new string('*', value.Length) : value[..3] + new string('*', value.Length - 7) + value[^4..];

    public static string Apply(PersonalDataKind kind, string? value) => kind switch
    {
        PersonalDataKind.IdNumber => IdNumber(value),
        PersonalDataKind.Phone => Phone(value),
        _ => string.IsNullOrEmpty(value) ? "" : "***",
    };
}
