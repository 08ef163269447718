namespace Modular.Modules.Integrity.Pages;

/// <summary>The module's home: what is due in each section, with links into them.</summary>
[RequirePermission(IntegrityModule.ViewPermission)]
public sealed class IndexModel(IntegrityDbContext db, IntegrityAccess access, ICurrentMember currentMember, FestivalPlanner festivals, RiskRegister register, IModuleSettings settings, KnowledgeTests knowledge, IAgencyClock clock) : IntegrityPage
{
    public bool CanSeeTalks { get; private set; }
    public bool IsManager => access.IsManager;
    public int TalksThisYear { get; private set; }
    public int WarningHeld { get; private set; }
    public int WarningTarget { get; private set; }
    public int Risks { get; private set; }
    public int HighRisks { get; private set; }
    public int OverdueReviews { get; private set; }
    public RiskReviewRound? Round { get; private set; }
    public RiskRegister.Progress? RoundProgress { get; private set; }
    public int MyPendingReviews { get; private set; }
    public int OpenItems { get; private set; }
    public int OverdueItems { get; private set; }
    public FestivalDate? NextFestival { get; private set; }
    public int Year { get; private set; }
    /// <summary>The year's knowledge tests from study; null while study is off (the card is not shown).</summary>
    public IReadOnlyList<SharedRecord>? KnowledgeTests { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        Year = today.Year;
        CanSeeTalks = await access.CanSeeTalksAsync(ct);
        if (CanSeeTalks) TalksThisYear = await db.Talks.CountAsync(t => t.Date >= new DateOnly(Year, 1, 1) && t.Date <= new DateOnly(Year, 12, 31), ct);
        WarningHeld = await WarningProgress.HeldAsync(db, Year, today, ct);
        WarningTarget = Math.Max(1, settings.GetInt(IntegrityModule.Id, IntegrityModule.WarningTargetSetting));
        var me = await currentMember.GetAsync(ct);
        var risks = db.Risks.AsNoTracking();
        var items = db.Rectifications.AsNoTracking();
        if (!access.IsManager)
        {
            var id = me?.Id ?? 0;
            risks = risks.Where(r => r.OwnerMemberId == id);
            items = items.Where(r => r.OwnerMemberId == id);
        }
        Risks = await risks.CountAsync(ct);
        HighRisks = await risks.CountAsync(r => r.Level == RiskLevel.High, ct);
        OverdueReviews = await risks.CountAsync(r => r.NextReviewDate < today, ct);
        OpenItems = await items.CountAsync(r => r.Status == RectificationStatus.Open, ct);
        OverdueItems = await items.CountAsync(r => r.Status == RectificationStatus.Open && r.Deadline < today, ct);
        if (me is not null) MyPendingReviews = await db.Reviews.CountAsync(r => r.OwnerMemberId == me.Id && r.Outcome == ReviewOutcome.Pending, ct);
        // The round's progress across the agency is the office's to follow.
        Round = access.IsManager ? await register.LatestRoundAsync(ct) : null;
        if (Round is not null) RoundProgress = await register.ProgressAsync(Round.Id, ct);
        NextFestival = (await festivals.ForYearAsync(Year, ct)).Concat(await festivals.ForYearAsync(Year + 1, ct))
            .Where(f => f.Enabled && f.Date >= today).OrderBy(f => f.Date).FirstOrDefault();
        if (knowledge.Available) KnowledgeTests = await knowledge.OfYearAsync(Year, ct);
        return Page();
    }
}
