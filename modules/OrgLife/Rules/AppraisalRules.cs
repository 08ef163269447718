using Modular.Modules.OrgLife.Domain;
using Modular.Sdk;

namespace Modular.Modules.OrgLife.Rules;

/// <summary>One participant's line of the appraisal form: the vote counts and the grade as typed, and whether they are probationary.</summary>
public sealed record AppraisalLine(int? Excellent, int? Qualified, int? BasicallyQualified, int? Unqualified, AppraisalGrade? Grade, bool Probationary);

/// <summary>Democratic appraisal: 优秀 at most one third of those graded; probationary members are not graded.</summary>
public static class AppraisalRules
{
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

    /// <summary>The stage after <paramref name="stage"/>; null once published.</summary>
    public static AppraisalStage? Next(AppraisalStage stage) => stage < AppraisalStage.Published ? stage + 1 : null;

    /// <summary>
    /// Checks a post of the appraisal form: <see cref="AppraisalStep.Target"/> is the stage under way (its figures are saved)
    /// or the next one (the stage under way is done, on <see cref="AppraisalStep.Date"/>); no stage is skipped or reopened.
    /// Vote counts: whole numbers, at most one vote a participant for each member (the counts of a line add up to no more
    /// than the participants), and every line voted on before the vote is done. Grades: of the list, none for probationary
    /// members, 优秀 at most a third, every full member graded before the results are published.
    /// </summary>
    public static List<Problem> CheckForm(AppraisalStep step, IReadOnlyList<AppraisalLine> lines, int participants)
    {
        var problems = new List<Problem>();
        var (current, target) = (step.Current, step.Target);
        if (!Enum.IsDefined(target)) problems.Add(new("Stage", "Choose a stage."));
        else if (current == AppraisalStage.Published) problems.Add(new("", "The results are published: the appraisal is closed."));
        else if (target < current) problems.Add(new("Stage", "“{0}” is done and is not reopened.", target.Label()));
        else if (target > Next(current)) problems.Add(new("Stage", "Finish “{0}” first: the stages go in order.", current.Label()));
        var finishing = problems.Count == 0 && target == Next(current);
        if (finishing) problems.AddRange(CheckDate(step));

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var counts = new[] { line.Excellent, line.Qualified, line.BasicallyQualified, line.Unqualified };
            if (counts.Any(v => v < 0 || v > participants))
                problems.Add(new($"Entries[{i}].Excellent", "Vote counts are whole numbers from 0 to the {0} participants.", participants));
            else if (counts.Sum(v => v ?? 0) is var sum && sum > participants)
                problems.Add(new($"Entries[{i}].Excellent", "The votes for one member add up to {0}, more than the {1} participants.", sum, participants));
            else if (finishing && current == AppraisalStage.Voting && counts.Sum(v => v ?? 0) == 0)
                problems.Add(new($"Entries[{i}].Excellent", "Enter this member's votes before finishing the vote."));
            if (line.Grade is { } g && !Enum.IsDefined(g)) problems.Add(new($"Entries[{i}].Grade", "Choose a grade."));
            if (line.Probationary && line.Grade is not null) problems.Add(new($"Entries[{i}].Grade", Check([(line.Grade, true)])!));
        }
        if (lines.Count != participants) problems.Add(new("", "Every participant must be on the form."));
        if (current == AppraisalStage.Grading)
        {
            var grades = lines.Select(l => (l.Grade, l.Probationary)).ToList();
            if ((finishing ? CheckComplete(grades) : Check(grades)) is { } rule) problems.Add(new("", rule));
        }
        return problems;
    }

    /// <summary>The day a stage is done: given, not in the future, in the appraisal's year or later, not before the stage before it.</summary>
    private static IEnumerable<Problem> CheckDate(AppraisalStep step)
    {
        if (step.Date is not { } date) yield return new("StageDate", "Enter the day “{0}” was done.", step.Current.Label());
        else if (date > step.Today) yield return new("StageDate", "The day cannot be in the future.");
        else if (date.Year < step.Year) yield return new("StageDate", "The appraisal of {0} is done in {0} or later.", step.Year);
        else if (step.PreviousDone is { } before && date < before)
            yield return new("StageDate", "The day cannot be before the stage before it ({0}).", before.ToString("yyyy-MM-dd"));
    }

    /// <summary>Whether the yearly appraisal of a branch is due, done or overdue: due in the fourth quarter, done when published.</summary>
    public static PeriodState YearState(int year, DateOnly today, bool published) =>
        CadenceRules.StateOf(new Period(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new DateOnly(year, 10, 1)), today, published ? 1 : 0, 1);
}

/// <summary>
/// A post of the appraisal form: the stage under way and the stage posted, the day typed for a stage being done, the day the
/// stage before was done, the appraisal's year and the agency's today.
/// </summary>
public sealed record AppraisalStep(AppraisalStage Current, AppraisalStage Target, DateOnly? Date, DateOnly? PreviousDone, int Year, DateOnly Today);
