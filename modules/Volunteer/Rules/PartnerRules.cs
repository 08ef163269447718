using System.Text.RegularExpressions;

namespace Modular.Modules.Volunteer.Rules;

/// <summary>What the co-building log and a partner's contacts must satisfy. Problems are English message keys, localised by the page.</summary>
public static partial class PartnerRules
{
    public const int MaxLogTitle = 100;
    public const int MaxLogContent = 2000;
    public const int MaxContactName = 50;
    public const int MaxContactTitle = 50;

    /// <summary>A log entry records what has been done: a date no later than <paramref name="today"/> and a short title.</summary>
    public static string? LogProblem(DateOnly? date, string? title, DateOnly today)
    {
        title = title?.Trim();
        if (date is null || string.IsNullOrEmpty(title)) return "Enter the date and what was done.";
        if (title.Length > MaxLogTitle) return "The title can be at most 100 characters.";
        if (date > today) return "The log records what has been done: the date cannot be in the future.";
        return null;
    }

    /// <summary>A contact has a name; a phone, if given, is a mobile number or a landline with its area code.</summary>
    public static string? ContactProblem(string? name, string? phone)
    {
        name = name?.Trim();
        phone = phone?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxContactName) return "Enter the contact's name (at most 50 characters).";
        if (!string.IsNullOrEmpty(phone) && !Phone().IsMatch(phone))
            return "Enter an 11-digit mobile number starting with 1, or a landline such as 0377-61234567.";
        return null;
    }

    /// <summary>Optional text as stored: trimmed and cut to <paramref name="max"/> characters, null when blank.</summary>
    public static string? Optional(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, max)];

    [GeneratedRegex(@"^(1\d{10}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex Phone();
}
