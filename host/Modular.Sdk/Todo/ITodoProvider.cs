namespace Modular.Sdk;

/// <summary>Contributes the current user's due items to the to-do centre. Register with <c>services.AddTodoProvider&lt;T&gt;()</c>.</summary>
public interface ITodoProvider
{
    /// <summary>Owning module id; asked only when that module is on (the host's own provider uses "host").</summary>
    string ModuleId { get; }
    /// <summary>Permission needed to be asked at all, if any (as for dashboard widgets); the provider may still filter by person.</summary>
    string? Permission => null;
    /// <summary>The current user's due items in the current agency.</summary>
    Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken);
}

public sealed record TodoItem(string Title, string Url, DateOnly? DueDate = null, string? Detail = null)
{
    public bool IsOverdue(DateOnly today) => DueDate is { } d && d < today;
}
