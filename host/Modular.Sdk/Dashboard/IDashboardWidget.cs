namespace Modular.Sdk;

/// <summary>
/// A card on the home dashboard. The host renders the returned content in one consistent style,
/// so modules give data, not markup. Register with <c>services.AddDashboardWidget&lt;T&gt;()</c>.
/// </summary>
public interface IDashboardWidget
{
    /// <summary>Owning module id; the widget is shown only when that module is on.</summary>
    string ModuleId { get; }
    /// <summary>Position on the dashboard: lower comes first (default 100).</summary>
    int Order => 100;
    /// <summary>Permission needed to see it, if any.</summary>
    string? Permission => null;
    /// <summary>
    /// The content depends only on the current agency's own data (its modules' and directory's), the user (account and
    /// roles), the language and the clock: the host then keeps it per user and minute until any of the agency's data
    /// changes (<see cref="IAgencyCache"/>), so the dashboard does not ask again on every visit. Leave false when it reads
    /// another agency's data, files or anything else saves do not stamp. Since 1.6.0.
    /// </summary>
    bool Cacheable => false;
    /// <summary>The card's content for the current agency and user; null shows no card.</summary>
    Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken);
}

/// <summary>What a dashboard card shows: a title, figures and lines.</summary>
/// <param name="Title">The card's heading.</param>
/// <param name="LinkUrl">Where the heading links to, if anywhere.</param>
public sealed record WidgetContent(LocalizedText Title, string? LinkUrl = null)
{
    /// <summary>Figures shown side by side at the top.</summary>
    public List<WidgetMetric> Metrics { get; init; } = [];
    /// <summary>Lines listed under the figures (e.g. the next meetings).</summary>
    public List<WidgetLine> Lines { get; init; } = [];
    /// <summary>Shown when there are no metrics or lines.</summary>
    public LocalizedText? EmptyText { get; init; }
}

/// <summary>The colour of a figure or line, by what it means.</summary>
public enum Tone
{
    /// <summary>Nothing to point out.</summary>
    Neutral,
    /// <summary>As it should be.</summary>
    Good,
    /// <summary>Worth knowing.</summary>
    Info,
    /// <summary>Needs attention soon.</summary>
    Warning,
    /// <summary>Late or wrong: needs attention now.</summary>
    Danger,
}

/// <summary>One figure on a dashboard card.</summary>
/// <param name="Label">What the figure counts.</param>
/// <param name="Value">The figure, formatted.</param>
/// <param name="Tone">Its colour.</param>
/// <param name="Url">Where clicking the figure leads, if anywhere.</param>
public sealed record WidgetMetric(LocalizedText Label, string Value, Tone Tone = Tone.Neutral, string? Url = null);

/// <summary>One line on a dashboard card.</summary>
/// <param name="Text">The line's text (already localized).</param>
/// <param name="Url">Where the line links to, if anywhere.</param>
/// <param name="Date">A date shown before the text, if any.</param>
/// <param name="Tone">Its colour.</param>
public sealed record WidgetLine(string Text, string? Url = null, DateOnly? Date = null, Tone Tone = Tone.Neutral);
