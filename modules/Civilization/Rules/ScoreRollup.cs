using Modular.Modules.Civilization.Domain;

namespace Modular.Modules.Civilization.Rules;

/// <summary>Points met of points possible per category and for the campaign, with overdue items and items waiting for review.</summary>
public static class ScoreRollup
{
    public sealed record Item(int CategoryId, decimal Points, ItemStatus Status, DateOnly? DueDate, bool AwaitingReview);

    public sealed record Score(decimal Possible, decimal Met, int Items, int MetItems, int NotMetItems, int Overdue, int AwaitingReview)
    {
        /// <summary>Share of points met, 0–100 with one decimal; 0 when nothing is possible.</summary>
        public decimal Percent => Possible == 0 ? 0 : Math.Round(Met * 100 / Possible, 1, MidpointRounding.AwayFromZero);
    }

    public sealed record Result(IReadOnlyDictionary<int, Score> Categories, Score Total);

    /// <summary>An item is overdue when its due date has passed and a reviewer has not marked it met.</summary>
    public static bool IsOverdue(ItemStatus status, DateOnly? due, DateOnly today) => due is { } d && d < today && status != ItemStatus.Met;

    public static Result Compute(IEnumerable<int> categoryIds, IEnumerable<Item> items, DateOnly today)
    {
        var list = items.ToList();
        Score Of(IReadOnlyCollection<Item> group) => new(
            group.Sum(i => i.Points),
            group.Where(i => i.Status == ItemStatus.Met).Sum(i => i.Points),
            group.Count,
            group.Count(i => i.Status == ItemStatus.Met),
            group.Count(i => i.Status == ItemStatus.NotMet),
            group.Count(i => IsOverdue(i.Status, i.DueDate, today)),
            group.Count(i => i.AwaitingReview));
        var categories = categoryIds.Distinct().ToDictionary(id => id, id => Of(list.Where(i => i.CategoryId == id).ToList()));
        return new Result(categories, Of(list));
    }
}
