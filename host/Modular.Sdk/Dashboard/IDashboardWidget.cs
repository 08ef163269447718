namespace Modular.Sdk;

/// <summary>
/// A card on the home dashboard. The host renders the returned content in one consistent style,
/// so modules give data, not markup. Register with <c>services.AddDashboardWidget&lt;T&gt;()</c>.
/// </summary>
public interface IDashboardWidget
{
    /// <summary>Owning module id; the widget is shown only when that module is on.</summary>
    string ModuleId { get; }
    int Order => 100;
    /// <summary>Permission needed to see it, if any.</summary>
    string? Permission => null;
    Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken);
}

public sealed record WidgetContent(LocalizedText Title, string? LinkUrl = null)
{
    public List<WidgetMetric> Metrics { get; init; } = [];
    public List<WidgetLine> Lines { get; init; } = [];
    /// <summary>Shown when there are no metrics or lines.</summary>
    public LocalizedText? EmptyText { get; init; }
}

public enum Tone { Neutral, Good, Info, Warning, Danger }

public sealed record WidgetMetric(LocalizedText Label, string Value, Tone Tone = Tone.Neutral, string? Url = null);

public sealed record WidgetLine(string Text, string? Url = null, DateOnly? Date = null, Tone Tone = Tone.Neutral);
