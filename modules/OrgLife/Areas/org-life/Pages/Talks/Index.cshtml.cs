using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.OrgLife.Pages.Talks;

/// <summary>谈心谈话 of a branch and year: record a talk, and see which committee–committee and committee–member pairs have not talked yet.</summary>
public sealed class IndexModel(OrgLifeDbContext db, OrgLifeAccess access, Roster roster, IAgencyClock clock, IStringLocalizer<OrgLifeModule> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Branch { get; set; }
    [BindProperty(SupportsGet = true), Year] public int? Year { get; set; }
    [BindProperty] public TalkInput Input { get; set; } = new();

    public sealed class TalkInput
    {
        public DateOnly? Date { get; set; }
        public int? InitiatorMemberId { get; set; }
        public int? PartnerMemberId { get; set; }
        public string? Topic { get; set; }
        public string? Note { get; set; }
    }

    public IReadOnlyList<OrganizationInfo> Branches { get; private set; } = [];
    public OrganizationInfo? BranchInfo { get; private set; }
    public IReadOnlyList<MemberInfo> Members { get; private set; } = [];
    public IReadOnlyList<MemberInfo> Committee { get; private set; } = [];
    public IReadOnlyList<HeartToHeartTalk> Talks { get; private set; } = [];
    public IReadOnlyList<(int A, int B)> Required { get; private set; } = [];
    public HashSet<(int, int)> Missing { get; private set; } = [];

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Year ??= clock.Today.Year;
        if (Year is < 2000 or > 2100) return false;
        Branches = await access.RecordableBranchesAsync(await roster.BranchesAsync(ct), ct);
        if (Branches.Count == 0) return false;
        BranchInfo = Branches.FirstOrDefault(b => b.Id == Branch) ?? Branches[0];
        Branch = BranchInfo.Id;
        Members = await roster.PartyMembersAsync(BranchInfo.Id, ct);
        var committeeIds = await roster.CommitteeAsync(BranchInfo.Id, ct);
        Committee = Members.Where(m => committeeIds.Contains(m.Id)).ToList();
        var first = new DateOnly(Year.Value, 1, 1);
        var last = new DateOnly(Year.Value, 12, 31);
        Talks = await db.Talks.AsNoTracking().Where(t => t.BranchId == BranchInfo.Id && t.Date >= first && t.Date <= last).OrderByDescending(t => t.Date).ToListAsync(ct);
        Required = TalkCoverage.RequiredPairs(Committee.Select(c => c.Id).ToList(), Members.Select(m => m.Id).ToList());
        Missing = TalkCoverage.Missing(Required, Talks.Select(t => (t.InitiatorMemberId, t.PartnerMemberId))).ToHashSet();
        return true;
    }

    public string Name(int id) => Members.FirstOrDefault(m => m.Id == id)?.Name ?? "—";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input.Date = clock.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Branches.All(b => b.Id != Branch)) return NotFound();
        if (Input.Date is not { } date) ModelState.AddModelError("Input.Date", text["Enter the date."]);
        else if (date > clock.Today) ModelState.AddModelError("Input.Date", text["A talk is recorded after it took place."]);
        else if (date.Year < 2000) ModelState.AddModelError("Input.Date", text["Enter a date between 2000 and 2100."]);
        if (Members.All(m => m.Id != Input.InitiatorMemberId)) ModelState.AddModelError("Input.InitiatorMemberId", text["Choose a Party member of the branch."]);
        if (Members.All(m => m.Id != Input.PartnerMemberId)) ModelState.AddModelError("Input.PartnerMemberId", text["Choose a Party member of the branch."]);
        else if (Input.PartnerMemberId == Input.InitiatorMemberId) ModelState.AddModelError("Input.PartnerMemberId", text["A talk is between two different people."]);
        if (string.IsNullOrWhiteSpace(Input.Topic)) ModelState.AddModelError("Input.Topic", text["Enter the topic."]);
        else if (Input.Topic.Trim().Length > 200) ModelState.AddModelError("Input.Topic", text["The topic can be at most 200 characters."]);
        if (Input.Note?.Trim().Length > 1000) ModelState.AddModelError("Input.Note", text["The note can be at most 1000 characters."]);
        if (!ModelState.IsValid) return Page();
        db.Talks.Add(new HeartToHeartTalk
        {
            BranchId = BranchInfo!.Id, Date = Input.Date!.Value, InitiatorMemberId = Input.InitiatorMemberId!.Value,
            PartnerMemberId = Input.PartnerMemberId!.Value, Topic = Input.Topic!.Trim(), Note = Input.Note?.Trim(),
        });
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(text["Saved."], null, new { branch = Branch, year = Input.Date!.Value.Year });
    }
}
