using System.Globalization;
using Modular.Sdk;

namespace Modular.Modules.Civilization.Rules;

/// <summary>The criterion form's fields, as typed (<see cref="Points"/> as text, so that "abc" is explained; <see cref="DueUnreadable"/>: a date typed that is no date).</summary>
public sealed record CriterionLine(int? CategoryId, string? NewCategory, string? Code, string? Text, string? Points, int? OwnerMemberId, DateOnly? DueDate, bool DueUnreadable);

/// <summary>The form as checked: the problems, and the points when they are valid.</summary>
public sealed record CheckedCriterion(IReadOnlyList<Problem> Problems, decimal Points);

/// <summary>A criterion added or edited by hand keeps to the limits of an imported sheet (<see cref="FrameworkSheet"/>).</summary>
public static class CriterionRules
{
    /// <param name="categories">The campaign's categories.</param>
    /// <param name="owners">The members the picker offers.</param>
    /// <param name="storedOwner">The owner the criterion has now (kept even when no longer offered).</param>
    public static CheckedCriterion Check(CriterionLine criterion, IReadOnlyCollection<int> categories, IReadOnlyCollection<int> owners, int? storedOwner)
    {
        var problems = new List<Problem>();
        var newCategory = criterion.NewCategory?.Trim();
        if (string.IsNullOrEmpty(newCategory))
        {
            if (criterion.CategoryId is not { } category || !categories.Contains(category)) problems.Add(new("CategoryId", "Choose a category or enter a new one."));
        }
        else if (newCategory.Length > FrameworkSheet.MaxCategoryLength) problems.Add(new("NewCategory", "At most {0} characters.", FrameworkSheet.MaxCategoryLength));
        var text = criterion.Text?.Trim();
        if (string.IsNullOrEmpty(text)) problems.Add(new("Text", "Enter the criterion."));
        else if (text.Length > FrameworkSheet.MaxTextLength) problems.Add(new("Text", "At most {0} characters.", FrameworkSheet.MaxTextLength));
        if (criterion.Code?.Trim() is { Length: > FrameworkSheet.MaxCodeLength }) problems.Add(new("Code", "At most {0} characters.", FrameworkSheet.MaxCodeLength));
        decimal points = 0;
        if (string.IsNullOrWhiteSpace(criterion.Points)) problems.Add(new("Points", "Enter the points."));
        else if (!decimal.TryParse(criterion.Points.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out points) || decimal.Round(points, 1) != points)
            problems.Add(new("Points", "Points must be a number with at most one decimal, e.g. 2 or 1.5."));
        else if (points <= 0 || points > FrameworkSheet.MaxPoints) problems.Add(new("Points", "Points must be more than 0 and at most {0}.", FrameworkSheet.MaxPoints));
        if (criterion.OwnerMemberId is { } owner && !owners.Contains(owner) && owner != storedOwner)
            problems.Add(new("OwnerMemberId", "Choose the owner from the list."));
        if (criterion.DueUnreadable || criterion.DueDate is { Year: < 2000 or > 2100 }) problems.Add(new("DueDate", "The date must look like 2026-06-30."));
        return new CheckedCriterion(problems, points);
    }
}
