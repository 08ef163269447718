using Modular.Modules.Study.Domain;
using Modular.Sdk;

namespace Modular.Modules.Study.Rules;

/// <summary>What a question must satisfy, on the form and in the import alike. Fields are the form's ("Text", "Options", …).</summary>
public static class QuestionRules
{
    public const int MaxText = 1000, MaxCategory = 50, MaxOption = 200, MaxAnswer = 200, MaxExplanation = 1000;

    /// <param name="Options">One a line (choice questions only).</param>
    public sealed record Input(QuestionKind? Kind, string? Category, Difficulty? Difficulty, string? Text, string? Options, string? Answer, string? Explanation);

    /// <summary>The question ready to store (answer normalised), or the problems.</summary>
    public static (Input? Ok, List<Problem> Problems) Check(Input input)
    {
        var problems = new List<Problem>();
        var text = input.Text?.Trim();
        var category = input.Category?.Trim();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) { problems.Add(new("Kind", "Please choose the type of question.")); kind = QuestionKind.FillIn; }
        if (string.IsNullOrEmpty(category)) problems.Add(new("Category", "Please enter the category."));
        else if (category.Length > MaxCategory) problems.Add(new("Category", "The category can be at most {0} characters.", MaxCategory));
        if (input.Difficulty is not { } level || !Enum.IsDefined(level)) problems.Add(new("Difficulty", "Please choose the difficulty."));
        if (string.IsNullOrEmpty(text)) problems.Add(new("Text", "Please enter the question."));
        else if (text.Length > MaxText) problems.Add(new("Text", "The question can be at most {0} characters.", MaxText));
        var options = Answers.Options(input.Options ?? "");
        var choice = input.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
        if (choice)
        {
            if (options.Count < 2) problems.Add(new("Options", "A choice question has at least two options, one a line."));
            else if (options.Count > Answers.MaxOptions) problems.Add(new("Options", "A question has at most {0} options.", Answers.MaxOptions));
            else if (options.Any(o => o.Length > MaxOption)) problems.Add(new("Options", "An option can be at most {0} characters.", MaxOption));
            else if (options.Distinct().Count() != options.Count) problems.Add(new("Options", "Two options are the same."));
        }
        string? answer = null;
        if (string.IsNullOrWhiteSpace(input.Answer)) problems.Add(new("Answer", "Please enter the right answer."));
        else if (input.Kind is { } k && Enum.IsDefined(k))
        {
            answer = k == QuestionKind.FillIn ? input.Answer.Trim() : Answers.Normalize(k, input.Answer, choice ? Math.Max(options.Count, 1) : Answers.MaxOptions);
            if (answer is null)
                problems.Add(k switch
                {
                    QuestionKind.SingleChoice => new Problem("Answer", "Enter the letter of the one right option (A to {0}).", Answers.Letters[Math.Clamp(options.Count, 1, Answers.MaxOptions) - 1]),
                    QuestionKind.MultipleChoice => new Problem("Answer", "Enter the letters of the right options (A to {0}), e.g. ABD.", Answers.Letters[Math.Clamp(options.Count, 1, Answers.MaxOptions) - 1]),
                    _ => new Problem("Answer", "Enter true or false."),
                });
            else if (k == QuestionKind.MultipleChoice && answer.Length < 2) problems.Add(new("Answer", "A multiple-choice question has at least two right options."));
            else if (answer.Length > MaxAnswer) problems.Add(new("Answer", "The answer can be at most {0} characters.", MaxAnswer));
        }
        var explanation = string.IsNullOrWhiteSpace(input.Explanation) ? null : input.Explanation.Trim();
        if (explanation?.Length > MaxExplanation) problems.Add(new("Explanation", "The explanation can be at most {0} characters.", MaxExplanation));
        if (problems.Count > 0) return (null, problems);
        return (new Input(kind, category, input.Difficulty, text, choice ? string.Join('\n', options) : "", answer, explanation), problems);
    }
}
