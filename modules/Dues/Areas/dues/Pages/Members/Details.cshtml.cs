using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Dues.Pages.Members;

/// <summary>
/// One member's dues: bases by year, hardship, payments with receipts, arrears. The collector of the member's branch
/// records payments here; the office also records bases, hardship decisions and a good reason for arrears. The member
/// sees their own page read-only; anyone else gets 404.
/// </summary>
[RequirePermission(DuesModule.ViewPermission)]
public sealed class DetailsModel(DuesDbContext db, DuesAccess access, DuesLedger ledger, PaymentRecorder recorder, PeopleLookup people,
    HardshipAttachments evidence, IAgencyClock clock, IStringLocalizer<DuesModule> T) : PageModel
{
    public sealed class PaymentInput
    {
        public DateOnly? PaidOn { get; set; }
        public string? FirstMonth { get; set; }
        public int? MonthCount { get; set; } = 1;
        public decimal? Amount { get; set; }
        public PaymentMode Mode { get; set; }
        public PaymentChannel Channel { get; set; }
        public DateOnly? ApprovedOn { get; set; }
        public string? ProxyName { get; set; }
    }

    public sealed class BaseInput
    {
        public int? Year { get; set; }
        public DuesCategory? Category { get; set; }
        public decimal? Base { get; set; }
    }

    public sealed class HardshipInput
    {
        public int? Year { get; set; }
        public HardshipKind? Kind { get; set; }
        public string? FromMonth { get; set; }
        public decimal? ReducedAmount { get; set; }
        public string? Reason { get; set; }
        public DateOnly? BranchAgreedOn { get; set; }
        public DateOnly? ApprovedOn { get; set; }
        public string? ApprovedBy { get; set; }
    }

    [BindProperty] public PaymentInput Payment { get; set; } = new();
    [BindProperty] public BaseInput BaseForm { get; set; } = new();
    [BindProperty] public HardshipInput Hardship { get; set; } = new();
    [BindProperty] public string? GoodReason { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public MemberDues Dues { get; private set; } = null!;
    public string BranchName { get; private set; } = "";
    public IReadOnlyList<DuesBase> Bases { get; private set; } = [];
    public IReadOnlyList<DuesHardship> Hardships { get; private set; } = [];
    public IReadOnlyDictionary<int, IReadOnlyList<StoredFileInfo>> Evidence { get; private set; } = new Dictionary<int, IReadOnlyList<StoredFileInfo>>();
    public IReadOnlyList<DuesPayment> Payments { get; private set; } = [];
    /// <summary>The member's dues carried in with a transfer from another agency, newest first.</summary>
    public IReadOnlyList<DuesMove> CarriedIn { get; private set; } = [];
    public bool CanCollect { get; private set; }
    public bool IsOffice => access.IsOffice;
    public bool IsOwn { get; private set; }
    public DateOnly Today => clock.Today;
    public FileRules FileRules => evidence.Rules;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Payment.PaidOn = Today;
        Payment.FirstMonth = Months.Text(Dues.Arrears.Unpaid.FirstOrDefault() is var oldest && oldest != default ? oldest : Months.Of(Today));
        Payment.Amount = Dues.Schedule.Owed(Months.Parse(Payment.FirstMonth)!.Value);
        BaseForm.Year = BaseRules.DefaultYear(Today, Bases.Any(b => b.Year == Today.Year));
        Hardship.Year = Today.Year;
        Hardship.FromMonth = Months.Text(Months.Of(Today));
        GoodReason = Dues.CurrentBase?.GoodReason;
        return Page();
    }

    public async Task<IActionResult> OnPostPaymentAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanCollect) return NotFound();
        ModelState.Clear();
        var line = new PaymentLine(Payment.PaidOn, Months.Parse(Payment.FirstMonth), Payment.MonthCount, Payment.Amount, Payment.Mode, Payment.Channel,
            Payment.ApprovedOn, Payment.ProxyName);
        if (!Enum.IsDefined(Payment.Mode)) ModelState.AddModelError("Payment.Mode", T["Choose from the list."]);
        if (!Enum.IsDefined(Payment.Channel)) ModelState.AddModelError("Payment.Channel", T["Choose from the list."]);
        if (!ModelState.IsValid) return Invalid();
        var outcome = await recorder.RecordAsync(Dues.Member, Dues.Branch, line, fromStatement: false, ct);
        if (outcome.Payment is { } p) return this.RedirectWithMessage(T["The payment was recorded: receipt {0}.", p.ReceiptNo], "/Receipts/Index", new { id = p.Id });
        ModelState.AddProblems(outcome.Problems, T, "Payment.");
        return Invalid();
    }

    public async Task<IActionResult> OnPostBaseAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsOffice) return NotFound();
        ModelState.Clear();
        var problems = BaseRules.Check(new BaseLine(BaseForm.Year, BaseForm.Category, BaseForm.Base), Bases.Select(b => b.Year).ToList(), Today);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, T, "BaseForm.");
            return Invalid();
        }
        var category = BaseForm.Category!.Value;
        var value = DuesRates.HasBase(category) ? BaseForm.Base : null;
        var row = await db.Bases.FirstOrDefaultAsync(b => b.MemberId == id && b.Year == BaseForm.Year, ct);
        if (row is null) db.Bases.Add(row = new DuesBase { MemberId = id, Year = BaseForm.Year!.Value });
        row.Category = category;
        row.Base = value;
        row.Rate = DuesRates.Rate(category, value ?? 0m);
        row.Monthly = DuesRates.Monthly(category, value);
        row.UpdatedAt = clock.UtcNow.UtcDateTime;
        if (!await this.TrySaveAsync(db, ct)) return Invalid();
        return this.RedirectWithMessage(T["The base for {0} was recorded: {1} yuan a month.", row.Year, Ui.Yuan(row.Monthly)], null, new { id });
    }

    public async Task<IActionResult> OnPostHardshipAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsOffice) return NotFound();
        ModelState.Clear();
        var uploads = await evidence.ReadAsync(Files, ModelState, nameof(Files), ct);
        var year = Hardship.Year ?? Today.Year;
        var yearBase = Bases.FirstOrDefault(b => b.Year == year);
        if (yearBase is null) ModelState.AddModelError("Hardship.Year", T["No dues base is recorded for {0}: the Party office enters it first.", year]);
        else if (Hardships.Any(h => h.Year == year)) ModelState.AddModelError("Hardship.Year", T["A hardship decision for {0} is recorded already.", year]);
        var line = new HardshipLine(Hardship.Kind, Months.Parse(Hardship.FromMonth), Hardship.ReducedAmount, Hardship.Reason, Hardship.BranchAgreedOn, Hardship.ApprovedOn, Hardship.ApprovedBy);
        ModelState.AddProblems(BaseRules.CheckHardship(line, year, yearBase?.Monthly ?? 0m, Today), T, "Hardship.", firstPerField: true);
        if (!ModelState.IsValid) return Invalid();
        var row = new DuesHardship
        {
            MemberId = id, Year = year, FromMonth = line.FromMonth!.Value, Kind = line.Kind!.Value,
            ReducedAmount = line.Kind == HardshipKind.Reduced ? line.ReducedAmount : null, Reason = line.Reason!.Trim(),
            BranchAgreedOn = line.BranchAgreedOn!.Value, ApprovedOn = line.ApprovedOn!.Value, ApprovedBy = line.ApprovedBy!.Trim(),
        };
        db.Hardships.Add(row);
        await evidence.SaveWithRecordAsync(db, async c => { await db.SaveChangesAsync(c); return true; }, () => row.Id, uploads, ct);
        return this.RedirectWithMessage(T["The hardship decision was recorded."], null, new { id });
    }

    public async Task<IActionResult> OnPostReasonAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsOffice) return NotFound();
        ModelState.Clear();
        var row = await db.Bases.Where(b => b.MemberId == id && b.Year <= Today.Year).OrderByDescending(b => b.Year).FirstOrDefaultAsync(ct);
        var reason = GoodReason?.Trim();
        if (row is null) ModelState.AddModelError(nameof(GoodReason), T["No dues base is recorded for {0}: the Party office enters it first.", Today.Year]);
        else if (reason is { Length: > 500 }) ModelState.AddModelError(nameof(GoodReason), T["At most {0} characters.", 500]);
        if (!ModelState.IsValid) return Invalid();
        row!.GoodReason = string.IsNullOrEmpty(reason) ? null : reason;
        if (!await this.TrySaveAsync(db, ct)) return Invalid();
        return this.RedirectWithMessage(T["Saved."], null, new { id });
    }

    public async Task<IActionResult> OnGetEvidenceAsync(int id, int fileId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !(IsOffice || CanCollect)) return NotFound();
        var file = await evidence.OpenAsync(Hardships.Select(h => h.Id).ToList(), fileId, ct);
        return file is null ? NotFound() : File(file.Content, file.Info.ContentType, file.Info.FileName);
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await access.VisibleAsync(id, ct) is not { } visible) return false;
        CanCollect = await access.PayerAsync(id, ct) is not null;
        IsOwn = await access.MeAsync(ct) == id;
        Dues = await ledger.ForAsync(visible.Member, visible.Branch, ct);
        BranchName = await people.OrganizationNameAsync(visible.Branch, ct);
        Bases = await db.Bases.AsNoTracking().Where(b => b.MemberId == id).OrderByDescending(b => b.Year).ToListAsync(ct);
        Hardships = await db.Hardships.AsNoTracking().Where(h => h.MemberId == id).OrderByDescending(h => h.Year).ToListAsync(ct);
        Payments = await db.Payments.AsNoTracking().Where(p => p.MemberId == id).OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.Id).ToListAsync(ct);
        CarriedIn = await db.Moves.AsNoTracking().Where(m => m.MemberId == id && m.Direction == DuesMoveDirection.In).OrderByDescending(m => m.Id).ToListAsync(ct);
        if (IsOffice || CanCollect) Evidence = await evidence.ListAsync(Hardships.Select(h => h.Id).ToList(), ct);
        return true;
    }
}
