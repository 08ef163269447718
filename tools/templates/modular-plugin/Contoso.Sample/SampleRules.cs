using Modular.Sdk;

namespace Contoso.Sample;

/// <summary>Input rules as plain code, so the test project checks them without a portal.</summary>
public static class SampleRules
{
    public const int TitleMaxLength = 100;

    /// <summary>
    /// The problems of a title: each names its field and the English key of its message (translated in
    /// Resources/zh-CN.json); the page shows them next to the field with <c>ModelState.AddProblems</c>.
    /// </summary>
    public static IEnumerable<Problem> Check(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) yield return new Problem("Title", "Enter a title.");
        else if (title.Trim().Length > TitleMaxLength) yield return new Problem("Title", "The title can be at most {0} characters.", TitleMaxLength);
    }
}
