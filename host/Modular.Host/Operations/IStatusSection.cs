namespace Modular.Host.Operations;

/// <summary>
/// A part of the platform's status page contributed by a subsystem of the host (backups, for one): registered as
/// <c>services.AddSingleton&lt;IStatusSection, …&gt;()</c>, shown in <see cref="Order"/> after the built-in parts.
/// A section whose <see cref="Key"/> is <see cref="BackupKey"/> fills the page's "last backup" slot.
/// </summary>
public interface IStatusSection
{
    /// <summary>The key that fills the "last backup" slot.</summary>
    public const string BackupKey = "backup";

    /// <summary>Stable key (the section's element id on the page, and how tests find it).</summary>
    string Key { get; }

    int Order { get; }

    /// <summary>What the section shows now; called once per page view, so keep it to a few cheap queries.</summary>
    Task<StatusSectionContent> GetAsync(CancellationToken ct);
}

/// <summary>A status word (with its colour) and a few labelled lines, already in the reader's language.</summary>
/// <param name="Link">A page with the details (e.g. the list of backups), or null.</param>
public sealed record StatusSectionContent(string Title, StatusLevel Level, string Summary, IReadOnlyList<StatusLine> Lines, string? Link = null);

/// <summary>One labelled value of a status section.</summary>
public sealed record StatusLine(string Label, string Value, StatusLevel Level = StatusLevel.Neutral);

/// <summary>Shown as a word and a colour together (good green, warning amber, danger red).</summary>
public enum StatusLevel { Neutral, Good, Warning, Danger }
