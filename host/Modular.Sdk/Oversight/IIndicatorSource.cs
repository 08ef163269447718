using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Sdk;

/// <summary>
/// Figures a module offers the city's organ work committee (市直机关工委) about the current agency: counts, shares and
/// sums only, never a person's data. The host asks a source only while its module is on for the agency and the agency
/// shares that module's indicators. Register with <c>services.AddIndicatorSource&lt;T&gt;()</c>. Since 1.6.0.
/// </summary>
public interface IIndicatorSource
{
    /// <summary>Owning module id (a constant).</summary>
    string ModuleId { get; }

    /// <summary>The indicators this source offers; keys start with "&lt;module-id&gt;.".</summary>
    IReadOnlyList<IndicatorDefinition> Definitions { get; }

    /// <summary>
    /// The current agency's figures for <paramref name="period"/>: one value per definition for the whole agency
    /// (<see cref="IndicatorValue.OrganizationId"/> null) and, when <see cref="IndicatorPeriod.PerOrganization"/>, one per
    /// organisation (branch, general branch) it applies to. A definition without a figure for the period is left out.
    /// </summary>
    Task<IReadOnlyList<IndicatorValue>> GetAsync(IndicatorPeriod period, CancellationToken cancellationToken);
}

/// <summary>One indicator a source offers. Since 1.6.0.</summary>
/// <param name="Key">"&lt;module-id&gt;.&lt;name&gt;", e.g. <c>dues.collected-share</c>.</param>
/// <param name="Name">What the committee reads (党费收缴率).</param>
/// <param name="Unit">The unit (%, 人, 小时, 项), empty for a plain count.</param>
/// <param name="Rule">The traffic-light rule in words (≥95% 绿，80%–95% 黄，低于80% 红).</param>
public sealed record IndicatorDefinition(string Key, LocalizedText Name, LocalizedText Unit, LocalizedText Rule);

/// <summary>The period asked for: a month, or a whole year when <paramref name="Month"/> is null. Since 1.6.0.</summary>
/// <param name="Year">The year.</param>
/// <param name="Month">The month (1–12), or null for the year to date.</param>
/// <param name="PerOrganization">Whether the per-organisation values are wanted too.</param>
public sealed record IndicatorPeriod(int Year, int? Month = null, bool PerOrganization = false)
{
    /// <summary>The first day of the period.</summary>
    public DateOnly From => new(Year, Month ?? 1, 1);
    /// <summary>The last day of the period.</summary>
    public DateOnly To => Month is { } m ? new DateOnly(Year, m, 1).AddMonths(1).AddDays(-1) : new DateOnly(Year, 12, 31);
}

/// <summary>The traffic light of a value by its definition's rule. Since 1.6.0.</summary>
public enum IndicatorLight
{
    /// <summary>No judgement (a plain figure, or nothing expected yet).</summary>
    None,
    /// <summary>On track.</summary>
    Green,
    /// <summary>Needs attention.</summary>
    Amber,
    /// <summary>Behind.</summary>
    Red,
}

/// <summary>One figure of one indicator, for the agency or one of its organisations. Since 1.6.0.</summary>
/// <param name="Key">The definition's key.</param>
/// <param name="Value">The figure, in the definition's unit.</param>
/// <param name="Light">The light by the definition's rule.</param>
public sealed record IndicatorValue(string Key, decimal Value, IndicatorLight Light)
{
    /// <summary>The directory organisation the figure is for; null for the whole agency.</summary>
    public int? OrganizationId { get; init; }
    /// <summary>A short explanation (12 of 14 branches), if any; figures only, no names of people.</summary>
    public string? Detail { get; init; }
}

/// <summary>Registers a module's indicator sources.</summary>
public static class IndicatorServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TSource"/> (scoped); its <see cref="IIndicatorSource.ModuleId"/> must be the module's own id. Since 1.6.0.</summary>
    public static IServiceCollection AddIndicatorSource<TSource>(this IServiceCollection services)
        where TSource : class, IIndicatorSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IIndicatorSource, TSource>());
        return services;
    }
}
