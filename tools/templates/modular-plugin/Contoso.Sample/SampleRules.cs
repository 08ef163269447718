namespace Contoso.Sample;

/// <summary>Input rules as plain code, so the test project checks them without a portal.</summary>
public static class SampleRules
{
    public const int TitleMaxLength = 100;

    /// <summary>The English key of the problem with a title (translated in Resources/zh-CN.json), or null.</summary>
    public static string? TitleProblem(string? title) =>
        string.IsNullOrWhiteSpace(title) ? "Enter a title."
        : title.Trim().Length > TitleMaxLength ? "The title can be at most 100 characters."
        : null;
}
