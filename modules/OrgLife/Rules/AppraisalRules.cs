using Modular.Modules.OrgLife.Domain;
using Modular.Sdk;

namespace Modular.Modules.OrgLife.Rules;

/// <summary>One participant's line of the appraisal form: the vote counts and the grade as typed, and whether they are probationary.</summary>
public sealed record AppraisalLine(int? Excellent, int? Qualified, int? BasicallyQualified, int? Unqualified, AppraisalGrade? Grade, bool Probationary);

/// <summary>Democratic appraisal: 优秀 at most one third of those graded; probationary members are not graded.</summary>
public static class AppraisalRules
{
    public const int MaxVotes = 500;

    /// <summary>The most 优秀 grades allowed among <paramref name="graded"/> members: 9 → 3, 10 → 3, 12 → 4, 2 → 0.</summary>
    public static int MaxExcellent(int graded) => Math.Max(0, graded) / 3;

    /// <summary>A message refusing the grades, or null when they keep to the rules.</summary>
    /// <param name="grades">Each participant's grade (null: not graded yet) and whether they are probationary.</param>
    public static string? Check(IReadOnlyList<(AppraisalGrade? Grade, bool Probationary)> grades)
    {
        if (grades.Any(g => g.Probationary && g.Grade is not null))
            return "预备党员参加民主评议，但不评定等次。";
        var graded = grades.Count(g => !g.Probationary);
        var excellent = grades.Count(g => !g.Probationary && g.Grade == AppraisalGrade.Excellent);
        if (excellent > MaxExcellent(graded))
            return $"评为“优秀”的不能超过参加评定等次党员的三分之一：本次 {graded} 人评定等次，“优秀”最多 {MaxExcellent(graded)} 人，现为 {excellent} 人。";
        return null;
    }

    /// <summary>Published only when every full member has a grade.</summary>
    public static string? CheckComplete(IReadOnlyList<(AppraisalGrade? Grade, bool Probationary)> grades)
    {
        var missing = grades.Count(g => !g.Probationary && g.Grade is null);
        return missing > 0 ? $"还有 {missing} 名正式党员未评定等次，不能公布结果。" : Check(grades);
    }

    /// <summary>
    /// Checks the appraisal form moving to <paramref name="stage"/>: vote counts from 0 to <see cref="MaxVotes"/>, grades
    /// of the list and none for probationary members, one line per each of the <paramref name="participants"/>, and the
    /// grade rules (every full member graded when the results are published).
    /// </summary>
    public static List<Problem> CheckForm(AppraisalStage stage, IReadOnlyList<AppraisalLine> lines, int participants)
    {
        var problems = new List<Problem>();
        if (!Enum.IsDefined(stage)) problems.Add(new("Stage", "Choose a stage."));
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (new[] { line.Excellent, line.Qualified, line.BasicallyQualified, line.Unqualified }.Any(v => v is < 0 or > MaxVotes))
                problems.Add(new($"Entries[{i}].Excellent", "Vote counts are whole numbers from 0 to 500."));
            if (line.Grade is { } g && !Enum.IsDefined(g)) problems.Add(new($"Entries[{i}].Grade", "Choose a grade."));
            if (line.Probationary && line.Grade is not null) problems.Add(new($"Entries[{i}].Grade", Check([(line.Grade, true)])!));
        }
        if (lines.Count != participants) problems.Add(new("", "Every participant must be on the form."));
        var grades = lines.Select(l => (l.Grade, l.Probationary)).ToList();
        if ((stage == AppraisalStage.Published ? CheckComplete(grades) : Check(grades)) is { } rule) problems.Add(new("", rule));
        return problems;
    }
}
