using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Reports;

/// <summary>A month's report: what it covers and each on-module's section, in order.</summary>
/// <param name="Period">The month.</param>
/// <param name="Scope">The whole agency or one organisation with everything under it.</param>
/// <param name="Name">Whose report it is: the agency's name or the organisation's.</param>
/// <param name="Sections">The sections, in the modules' order.</param>
/// <param name="MadeOn">The day it was made (its signature date).</param>
public sealed record MonthlyReport(ReportPeriod Period, ReportScope Scope, string Name, IReadOnlyList<ReportSectionContent> Sections, DateOnly MadeOn)
{
    /// <summary>第一党支部2026年5月工作月报.</summary>
    public string Title => $"{Name}{Period.Zh}工作月报";
}

/// <summary>The rules of the monthly report: which sections answer, which month and which organisation may be asked for.</summary>
public static class MonthlyReportRules
{
    /// <summary>The sections to ask, in order: those whose module is on (the host's own always) and whose permission the user holds.</summary>
    public static IReadOnlyList<IReportSection> Applicable(IEnumerable<IReportSection> sections, Func<string, bool> moduleOn, Func<string, bool> granted) =>
        sections.Where(s => (s.ModuleId == Shell.Dashboard.TodoService.HostModuleId || moduleOn(s.ModuleId)) && (s.Permission is not { } p || granted(p)))
            .OrderBy(s => s.Order).ThenBy(s => s.ModuleId, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The month asked for ("yyyy-MM"), the current month when none is given; a problem on <c>Month</c> when the text is no
    /// month or the month has not begun.
    /// </summary>
    public static (ReportPeriod? Period, Problem? Problem) Month(string? text, DateOnly today)
    {
        var current = new ReportPeriod(today.Year, today.Month);
        if (string.IsNullOrWhiteSpace(text)) return (current, null);
        if (ReportPeriod.Parse(text.Trim()) is not { } period) return (null, new Problem("Month", "Choose a month such as {0}.", current.ToString()));
        if (period.First > current.First) return (null, new Problem("Month", "The month has not begun: choose {0} or an earlier month.", current.ToString()));
        return (period, null);
    }

    /// <summary>Organisations a report can be made for: every organisation but Party groups (a group's work is its branch's).</summary>
    public static IReadOnlyList<OrganizationInfo> Reportable(IEnumerable<OrganizationInfo> organizations, DataScope scope) =>
        organizations.Where(o => o.Kind != OrganizationKind.PartyGroup && scope.CanSeeOrganization(o.Id)).ToList();

    /// <summary>The organisation with everything under it; the agency's committee (the root) stands for the whole agency.</summary>
    public static ReportScope ScopeOf(OrganizationInfo organization, IReadOnlyList<OrganizationInfo> all)
    {
        if (organization.ParentId is null && organization.Kind == OrganizationKind.AgencyCommittee) return ReportScope.Agency;
        var ids = new HashSet<int> { organization.Id };
        var children = all.ToLookup(o => o.ParentId);
        var queue = new Queue<int>([organization.Id]);
        while (queue.TryDequeue(out var id))
            foreach (var child in children[id])
                if (ids.Add(child.Id)) queue.Enqueue(child.Id);
        return new ReportScope(organization, ids);
    }
}

/// <summary>
/// Makes the monthly report from the sections of the modules that are on, for the Party office (any organisation or the
/// whole agency) and for secretaries and committee members (their own organisations). A section that throws is left out
/// and logged, as a dashboard card is.
/// </summary>
public sealed class MonthlyReportService(IEnumerable<IReportSection> sections, ModuleGate gate, ICurrentAgency agency, IPermissionChecker permissions,
    ICurrentMember member, IDirectory directory, IAgencyClock clock, ILogger<MonthlyReportService> logger)
{
    /// <summary>Whether the user makes reports at all: the Party office, or someone who keeps an organisation's records.</summary>
    public async Task<bool> IsAllowedAsync(CancellationToken ct)
    {
        if (agency.Id is null) return false;
        var scope = await member.GetScopeAsync(ct);
        return scope.AgencyWide || scope.OrganizationIds.Count > 0;
    }

    /// <summary>Whether the user may make the whole agency's report.</summary>
    public async Task<bool> IsAgencyWideAsync(CancellationToken ct) => agency.Id is not null && (await member.GetScopeAsync(ct)).AgencyWide;

    /// <summary>The organisations the user may choose, top down.</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> ChoicesAsync(CancellationToken ct) =>
        MonthlyReportRules.Reportable(await directory.GetOrganizationsAsync(ct), await member.GetScopeAsync(ct));

    /// <summary>
    /// What the report covers: the organisation with <paramref name="organizationId"/>, or without one the whole agency
    /// (Party office) or the user's first organisation; null when the user may not see that organisation (or any).
    /// </summary>
    public async Task<ReportScope?> ScopeAsync(int? organizationId, CancellationToken ct)
    {
        if (!await IsAllowedAsync(ct)) return null;
        var choices = await ChoicesAsync(ct);
        OrganizationInfo? chosen;
        if (organizationId is { } id) chosen = choices.FirstOrDefault(o => o.Id == id);
        else if (await IsAgencyWideAsync(ct)) return ReportScope.Agency;
        else chosen = choices.FirstOrDefault();
        return chosen is null ? null : MonthlyReportRules.ScopeOf(chosen, await directory.GetOrganizationsAsync(ct));
    }

    public async Task<MonthlyReport> BuildAsync(ReportPeriod period, ReportScope scope, CancellationToken ct)
    {
        var contents = new List<ReportSectionContent>();
        foreach (var section in MonthlyReportRules.Applicable(sections, m => gate.IsEnabled(agency.Id, m), permissions.IsGranted))
        {
            try
            {
                if (await section.GetAsync(period, scope, ct) is { } content) contents.Add(content);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Report section of {Module} failed", section.ModuleId);
            }
        }
        return new MonthlyReport(period, scope, scope.Organization?.Name ?? agency.Name ?? "", contents, clock.Today);
    }
}
