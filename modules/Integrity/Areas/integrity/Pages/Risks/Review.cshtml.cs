namespace Modular.Modules.Integrity.Pages.Risks;

/// <summary>The yearly review round: the office starts it and follows its progress; each owner confirms or updates their points.</summary>
[RequirePermission(IntegrityModule.ViewPermission)]
public sealed class ReviewModel(IntegrityDbContext db, IntegrityAccess access, ICurrentMember currentMember, PeopleLookup people, RiskRegister register, IAgencyClock clock, IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public sealed record Row(int ReviewId, int RiskId, string Post, string Description, RiskLevel Level, int OwnerMemberId, ReviewOutcome Outcome, DateOnly? ReviewedOn);

    [BindProperty] public int? RoundYear { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public bool IsManager => access.IsManager;
    public RiskReviewRound? Round { get; private set; }
    public RiskRegister.Progress? Progress { get; private set; }
    public PagedList<Row> List { get; private set; } = new([], 1, 20, 0);
    public List<Row> Mine { get; private set; } = [];
    public IReadOnlyDictionary<int, MemberInfo> Roster { get; private set; } = new Dictionary<int, MemberInfo>();
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        RoundYear = today.Year;
        Deadline = today.AddDays(30);
        await LoadAsync(ct);
        return Page();
    }

    [RequirePermission(IntegrityModule.ManagePermission)]
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var badDate = Request.Form["Deadline"].ToString().Length > 0 && Deadline is null;
        ModelState.Clear();
        if (RoundYear is null) ModelState.AddModelError(nameof(RoundYear), T["Please enter the year."]);
        if (Deadline is null) ModelState.AddModelError(nameof(Deadline), badDate ? T["Please enter a valid date."] : T["Please enter the deadline of the round."]);
        if (ModelState.IsValid && await register.StartRoundAsync(RoundYear!.Value, Deadline!.Value, today, ct) is { } problem)
            ModelState.AddModelError(problem.Field, problem.Message);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        return this.RedirectWithMessage(T["The review round of {0} has started: every owner has their points in the to-do centre.", RoundYear!.Value]);
    }

    public async Task<IActionResult> OnPostConfirmAsync(int reviewId, CancellationToken ct)
    {
        if (await currentMember.IdAsync(ct) is not { } me) return NotFound();
        return await register.ConfirmAsync(reviewId, me, clock.Today, ct)
            ? this.RedirectWithMessage(T["Confirmed: the next review is due in a year."])
            : this.RedirectWithError(T["This point is not yours to review, or it has been reviewed already."]);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = clock.Today;
        Round = await register.LatestRoundAsync(ct);
        var rows = from r in db.Reviews.AsNoTracking()
                   join risk in db.Risks.AsNoTracking() on r.RiskId equals risk.Id
                   select new { r, risk };
        if (await currentMember.GetAsync(ct) is { } me)
            Mine = await rows.Where(x => x.r.OwnerMemberId == me.Id && x.r.Outcome == ReviewOutcome.Pending).OrderBy(x => x.r.Id)
                .Select(x => new Row(x.r.Id, x.risk.Id, x.risk.Post, x.risk.Description, x.risk.Level, x.r.OwnerMemberId, x.r.Outcome, x.r.ReviewedOn)).Take(100).ToListAsync(ct);
        if (Round is null || !access.IsManager)
        {
            Roster = await people.NamesAsync(Mine.Select(r => r.OwnerMemberId), ct);
            return;
        }
        Progress = await register.ProgressAsync(Round.Id, ct);
        var roundId = Round.Id;
        var inRound = rows.Where(x => x.r.RoundId == roundId);
        if (Show == "pending") inRound = inRound.Where(x => x.r.Outcome == ReviewOutcome.Pending);
        List = await PagedList<Row>.CreateAsync(inRound.OrderBy(x => x.r.Outcome).ThenBy(x => x.r.OwnerMemberId).ThenBy(x => x.r.Id)
            .Select(x => new Row(x.r.Id, x.risk.Id, x.risk.Post, x.risk.Description, x.risk.Level, x.r.OwnerMemberId, x.r.Outcome, x.r.ReviewedOn)), PageNumber, 20, ct);
        Roster = await people.NamesAsync(Mine.Concat(List.Items).Select(r => r.OwnerMemberId), ct);
    }
}
