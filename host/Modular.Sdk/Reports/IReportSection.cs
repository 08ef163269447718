using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Sdk;

/// <summary>
/// A module's part of the monthly work report (月报), computed from its own records: nobody types a figure. The host asks
/// a section only while its module is on for the agency and the user holds its <see cref="Permission"/>, and only for an
/// organisation the user may see. Register with <c>services.AddReportSection&lt;T&gt;()</c>.
/// </summary>
public interface IReportSection
{
    /// <summary>Owning module id; the section is left out while that module is off.</summary>
    string ModuleId { get; }
    /// <summary>Position in the report: lower comes first (default 100).</summary>
    int Order => 100;
    /// <summary>Permission needed to see the section, if any.</summary>
    string? Permission => null;
    /// <summary>
    /// The section for <paramref name="period"/> and <paramref name="scope"/> (already checked by the host against what the
    /// user may see); null leaves the section out (e.g. the module keeps no records at that level).
    /// </summary>
    Task<ReportSectionContent?> GetAsync(ReportPeriod period, ReportScope scope, CancellationToken cancellationToken);
}

/// <summary>The calendar month a report covers.</summary>
/// <param name="Year">The year (2000–2100).</param>
/// <param name="Month">The month, 1 to 12.</param>
public sealed record ReportPeriod(int Year, int Month)
{
    /// <summary>The first day of the month.</summary>
    public DateOnly First => new(Year, Month, 1);
    /// <summary>The last day of the month.</summary>
    public DateOnly Last => First.AddMonths(1).AddDays(-1);
    /// <summary>Whether <paramref name="date"/> falls in the month.</summary>
    public bool Contains(DateOnly date) => date >= First && date <= Last;
    /// <summary>The first instant of the month, as local date-time columns store it.</summary>
    public DateTime Start => First.ToDateTime(TimeOnly.MinValue);
    /// <summary>The first instant after the month, as local date-time columns store it.</summary>
    public DateTime End => First.AddMonths(1).ToDateTime(TimeOnly.MinValue);
    /// <summary>"2026年5月".</summary>
    public string Zh => $"{Year}年{Month}月";
    /// <summary>"2026-05", the value of an HTML month field.</summary>
    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>Reads "yyyy-MM" (an HTML month field); null when the text is not a month from 2000 to 2100.</summary>
    public static ReportPeriod? Parse(string? text)
    {
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, null, out var year)
            || !int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, null, out var month))
            return null;
        return year is >= 2000 and <= 2100 && month is >= 1 and <= 12 ? new ReportPeriod(year, month) : null;
    }
}

/// <summary>Which records a report covers: the whole agency, or one organisation with everything under it.</summary>
/// <param name="Organization">The chosen organisation; null for the whole agency.</param>
/// <param name="OrganizationIds">The organisation and every organisation under it (its Party groups, a general branch's branches); empty for the whole agency.</param>
public sealed record ReportScope(OrganizationInfo? Organization, IReadOnlySet<int> OrganizationIds)
{
    /// <summary>The whole agency, with records that belong to no organisation.</summary>
    public static readonly ReportScope Agency = new(null, new HashSet<int>());

    /// <summary>True for the whole agency's report.</summary>
    public bool IsAgencyWide => Organization is null;

    /// <summary>Whether a record of <paramref name="organizationId"/> (null: of the agency as a whole) belongs in the report.</summary>
    public bool Includes(int? organizationId) => IsAgencyWide || (organizationId is { } id && OrganizationIds.Contains(id));
}

/// <summary>What one module reports for a month: a title, figures and tables.</summary>
/// <param name="Title">The section's heading (e.g. 组织生活).</param>
public sealed record ReportSectionContent(LocalizedText Title)
{
    /// <summary>Figures, in the order shown.</summary>
    public List<ReportFigure> Figures { get; init; } = [];
    /// <summary>Tables listing the records behind the figures.</summary>
    public List<ReportTable> Tables { get; init; } = [];
    /// <summary>A sentence shown under the figures (e.g. what the figures count), if any.</summary>
    public LocalizedText? Note { get; init; }
}

/// <summary>One figure of a report section.</summary>
/// <param name="Label">What it counts.</param>
/// <param name="Value">The figure; null when there is nothing to count (e.g. a rate without meetings), shown as "—".</param>
/// <param name="Unit">Its unit (次, 人, 小时, %), if any.</param>
/// <param name="Tone">Its colour, by what it means.</param>
public sealed record ReportFigure(LocalizedText Label, decimal? Value, LocalizedText? Unit = null, Tone Tone = Tone.Neutral)
{
    /// <summary>The value as shown: whole numbers without decimals, others with at most one; "—" for none.</summary>
    public string Text => Value is not { } v ? "—" : v == decimal.Truncate(v) ? v.ToString("0") : v.ToString("0.#");
}

/// <summary>A table of a report section: a caption, column headings and rows of text.</summary>
/// <param name="Caption">What the table lists.</param>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">Rows, one text per column.</param>
public sealed record ReportTable(LocalizedText Caption, IReadOnlyList<LocalizedText> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Registers a module's report sections.</summary>
public static class ReportSectionServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TSection"/> (scoped); its <see cref="IReportSection.ModuleId"/> must be the module's own id.</summary>
    public static IServiceCollection AddReportSection<TSection>(this IServiceCollection services)
        where TSection : class, IReportSection
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IReportSection, TSection>());
        return services;
    }
}
