using System.Text.RegularExpressions;
using Modular.Sdk;

namespace Modular.Modules.Volunteer.Rules;

/// <summary>What the co-building log and a partner's contacts must satisfy. A problem names the form's field (<c>date</c>, <c>title</c>, <c>name</c>, <c>phone</c>).</summary>
public static partial class PartnerRules
{
    public const int MaxLogTitle = 100;
    public const int MaxLogContent = 2000;
    public const int MaxContactName = 50;
    public const int MaxContactTitle = 50;

    /// <summary>A log entry records what has been done: a date no later than <paramref name="today"/> and a short title.</summary>
    public static Problem? LogProblem(DateOnly? date, string? title, DateOnly today)
    {
        title = title?.Trim();
        if (date is null) return new("date", "Enter the date and what was done.");
        if (string.IsNullOrEmpty(title)) return new("title", "Enter the date and what was done.");
        if (title.Length > MaxLogTitle) return new("title", "The title can be at most 100 characters.");
        if (date > today) return new("date", "The log records what has been done: the date cannot be in the future.");
        return null;
    }

    /// <summary>A contact has a name; a phone, if given, is a mobile number or a landline with its area code.</summary>
    public static Problem? ContactProblem(string? name, string? phone)
    {
        name = name?.Trim();
        phone = phone?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxContactName) return new("name", "Enter the contact's name (at most 50 characters).");
        if (!string.IsNullOrEmpty(phone) && !Phone().IsMatch(phone))
            return new("phone", "Enter an 11-digit mobile number starting with 1, or a landline such as 0377-61234567.");
        return null;
    }

    /// <summary>Optional text as stored: trimmed and cut to <paramref name="max"/> characters, null when blank.</summary>
    public static string? Optional(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, max)];

    [GeneratedRegex(@"^(1\d{10}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex Phone();
}
