namespace Modular.Sdk;

/// <summary>Contributes the current user's due items to the to-do centre. Register with <c>services.AddTodoProvider&lt;T&gt;()</c>.</summary>
public interface ITodoProvider
{
    /// <summary>Owning module id; asked only when that module is on (the host's own provider uses "host").</summary>
    string ModuleId { get; }
    /// <summary>Permission needed to be asked at all, if any (as for dashboard widgets); the provider may still filter by person.</summary>
    string? Permission => null;
    /// <summary>As <see cref="IDashboardWidget.Cacheable"/>: the items depend only on the current agency's own data, the user, the language and the clock. Since 1.6.0.</summary>
    bool Cacheable => false;
    /// <summary>The current user's due items in the current agency.</summary>
    Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken);
}

/// <summary>One due item in the to-do centre.</summary>
/// <param name="Title">What is to be done (already localized).</param>
/// <param name="Url">The page where it is done.</param>
/// <param name="DueDate">When it is due, if it has a date.</param>
/// <param name="Detail">A second line, if any.</param>
public sealed record TodoItem(string Title, string Url, DateOnly? DueDate = null, string? Detail = null)
{
    /// <summary>Whether the item was due before <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => DueDate is { } d && d < today;
}
