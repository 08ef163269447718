namespace Modular.Modules.OrgLife.Services;

/// <summary>The agency's cadence rules (module settings, DOMAIN.md defaults) and each branch's theme Party day.</summary>
public sealed class OrgLifeSettings(IModuleSettings settings, OrgLifeDbContext db, IAgencyCache cache)
{
    public const string ThemeDayKey = "theme-day";
    public const string UpcomingDaysKey = "upcoming-days";
    public const string AppraisalKey = "cadence.Appraisal";

    public static string CadenceKey(MeetingType type) => "cadence." + type;

    private static readonly IReadOnlyList<SettingChoice> CadenceChoices =
        new[] { Cadence.Monthly, Cadence.Quarterly, Cadence.HalfYearly, Cadence.Yearly, Cadence.Off }
            .Select(c => new SettingChoice(c.ToString(), Labels.Text(c))).ToList();

    public static IEnumerable<ModuleSettingDefinition> Definitions()
    {
        foreach (var type in Labels.MeetingTypes)
        {
            var name = Labels.Text(type);
            yield return new ModuleSettingDefinition(CadenceKey(type),
                new LocalizedText($"{name.Zh}频次", $"{name.En}: how often"), SettingKind.Choice, type.DefaultCadence().ToString(),
                new LocalizedText("合规视图按此频次判断是否按时召开。", "The compliance view checks the branches against it."), CadenceChoices);
        }
        yield return new ModuleSettingDefinition(AppraisalKey, new LocalizedText("民主评议党员频次", "Democratic appraisal: how often"), SettingKind.Choice,
            Cadence.Yearly.ToString(), new LocalizedText("每年第四季度起提醒各支部完成本年度民主评议党员，结果公布即为完成。",
                "From the fourth quarter, branches are reminded to finish the year's appraisal; publishing the results finishes it."),
            CadenceChoices.Where(c => c.Value is nameof(Cadence.Yearly) or nameof(Cadence.Off)).ToList());
        yield return new ModuleSettingDefinition(ThemeDayKey, new LocalizedText("主题党日固定日（每月几日）", "Theme Party day: day of the month"),
            SettingKind.Integer, "15", new LocalizedText("各支部可在本模块中另设本支部的固定日。", "Each branch may set its own day in the module."), Min: 1, Max: 31);
        yield return new ModuleSettingDefinition(UpcomingDaysKey, new LocalizedText("提前提醒天数", "Days of notice for upcoming meetings"),
            SettingKind.Integer, "14", Min: 1, Max: 60);
    }

    public Cadence CadenceOf(MeetingType type) =>
        Enum.TryParse<Cadence>(settings.Get(OrgLifeModule.Id, CadenceKey(type)), out var c) && Enum.IsDefined(c) ? c : type.DefaultCadence();

    public IReadOnlyDictionary<MeetingType, Cadence> Cadences() => Labels.MeetingTypes.ToDictionary(t => t, CadenceOf);

    /// <summary>Whether each branch owes a democratic appraisal a year (the default) or the agency turned the reminder off.</summary>
    public bool AppraisalRequired => settings.Get(OrgLifeModule.Id, AppraisalKey) != nameof(Cadence.Off);

    public int AgencyThemeDay => Math.Clamp(settings.GetInt(OrgLifeModule.Id, ThemeDayKey), 1, 31);

    public int UpcomingDays => Math.Clamp(settings.GetInt(OrgLifeModule.Id, UpcomingDaysKey), 1, 60);

    /// <summary>Each branch's fixed theme Party day (the agency's default where the branch set none).</summary>
    public async Task<Func<int, int>> ThemeDaysAsync(CancellationToken ct)
    {
        // Asked by every meetings list: kept per agency until its data changes.
        var own = await cache.GetOrCreateAsync("org-life:theme-days", async c =>
            (IReadOnlyDictionary<int, int>)(await db.BranchSchedules.AsNoTracking().ToDictionaryAsync(s => s.BranchId, s => s.ThemePartyDay, c)).AsReadOnly(), ct);
        var fallback = AgencyThemeDay;
        return branchId => own.TryGetValue(branchId, out var d) ? d : fallback;
    }
}
