using System.Text;
using Modular.Modules.Study.Domain;

namespace Modular.Modules.Study.Rules;

/// <summary>How answers are written down and graded: choice answers as the options' letters in their stored order, true/false as 对 or 错, fill-in as text.</summary>
public static class Answers
{
    public const string True = "对", False = "错";
    public const int MaxOptions = 6;
    public const string Letters = "ABCDEF";

    /// <summary>The options of a choice question, one a line.</summary>
    public static IReadOnlyList<string> Options(string stored) =>
        stored.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The answer as stored: letters upper-case, unique and sorted ("ca" → "AC"); 对/错 from the usual spellings; fill-in
    /// trimmed with inner spaces collapsed. Null when it cannot be an answer of the kind.
    /// </summary>
    public static string? Normalize(QuestionKind kind, string? given, int optionCount = MaxOptions)
    {
        var text = (given ?? "").Trim();
        if (text.Length == 0) return null;
        switch (kind)
        {
            case QuestionKind.SingleChoice:
            case QuestionKind.MultipleChoice:
                var letters = new SortedSet<char>();
                foreach (var c in text.ToUpperInvariant())
                {
                    if (c is ',' or '，' or '、' or ' ') continue;
                    var index = Letters.IndexOf(c);
                    if (index < 0 || index >= optionCount) return null;
                    letters.Add(c);
                }
                if (letters.Count == 0 || (kind == QuestionKind.SingleChoice && letters.Count != 1)) return null;
                return new string(letters.ToArray());
            case QuestionKind.TrueFalse:
                return text.ToUpperInvariant() switch
                {
                    "对" or "正确" or "是" or "√" or "T" or "TRUE" or "Y" => True,
                    "错" or "错误" or "否" or "×" or "F" or "FALSE" or "N" => False,
                    _ => null,
                };
            default:
                return Collapse(text);
        }
    }

    /// <summary>Whether <paramref name="given"/> is right for a question of <paramref name="kind"/> whose answer is <paramref name="key"/>.</summary>
    /// <remarks>Multiple choice is right only with every right letter and no other (no part marks); fill-in accepts any of the answers separated by "|", ignoring case, spaces and full-width forms.</remarks>
    public static bool IsCorrect(QuestionKind kind, string key, string? given)
    {
        if (kind == QuestionKind.FillIn)
        {
            if (string.IsNullOrWhiteSpace(given)) return false;
            var g = Loose(given);
            return key.Split('|').Any(k => k.Trim().Length > 0 && Loose(k) == g);
        }
        var normal = Normalize(kind, given);
        return normal is not null && normal == Normalize(kind, key);
    }

    /// <summary>Percent of right answers, rounded down; 0 for a test without questions.</summary>
    public static int Score(int correct, int total) => total <= 0 ? 0 : correct * 100 / total;

    public static bool Passed(int score, int passMark) => score >= passMark;

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Loose(string text)
    {
        var b = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c)) b.Append(char.ToLowerInvariant(c));
        return b.ToString();
    }
}
