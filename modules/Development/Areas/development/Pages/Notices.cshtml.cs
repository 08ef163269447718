using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Development.Pages;

/// <summary>
/// The public notice (公示) of the agency: the candidates for development decided and not yet admitted, and the
/// probationary members whose full membership is to be voted on. Names and branches only, for every member of the agency.
/// </summary>
[RequirePermission(DevelopmentModule.ViewPermission)]
public sealed class NoticesModel(DevelopmentDbContext db, PeopleLookup people, IWordDocuments word, IAgencyClock clock) : PageModel
{
    public sealed record Row(int CaseId, int MemberId, int OrganizationId, int LastStep, DateOnly Since);

    public IReadOnlyList<Row> Candidates { get; private set; } = [];
    public IReadOnlyList<Row> FullMembership { get; private set; } = [];
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public IReadOnlyDictionary<int, OrganizationInfo> Organizations { get; private set; } = new Dictionary<int, OrganizationInfo>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var open = db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Open);
        Candidates = await RowsAsync(open.Where(c => c.LastStep >= Steps.CandidateDecided && c.LastStep < Steps.AdmissionVote), Steps.CandidateDecided, ct);
        FullMembership = await RowsAsync(open.Where(c => c.LastStep == Steps.FullMembershipRequest), Steps.FullMembershipRequest, ct);
        Names = await people.NamesAsync(Candidates.Concat(FullMembership).Select(r => r.MemberId), ct);
        Organizations = await people.OrganizationsByIdAsync(ct);
    }

    /// <summary>The notice as Word, to post on the notice board (the same names and branches as the page).</summary>
    public async Task<IActionResult> OnGetWordAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        var committee = (await people.OrganizationsAsync(ct)).FirstOrDefault(o => o.ParentId is null)?.Name ?? "";
        IEnumerable<IReadOnlyList<string>> Lines(IReadOnlyList<Row> rows) => rows.Select((r, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(), Names.GetValueOrDefault(r.MemberId)?.Name ?? "", Organizations.GetValueOrDefault(r.OrganizationId)?.Name ?? "", CaseDocuments.Day(r.Since),
        ]);
        var document = CaseDocuments.NoticeList(committee, clock.Today, Lines(Candidates), Lines(FullMembership));
        return File(word.Render(document), OfficeFiles.WordContentType, "发展党员公示.docx");
    }

    private async Task<IReadOnlyList<Row>> RowsAsync(IQueryable<DevelopmentCase> cases, int since, CancellationToken ct) =>
        await cases.OrderBy(c => c.OrganizationId).ThenBy(c => c.Id)
            .Select(c => new Row(c.Id, c.MemberId, c.OrganizationId, c.LastStep,
                db.Steps.Where(s => s.CaseId == c.Id && s.Step == since).Max(s => (DateOnly?)s.Date) ?? c.LastStepDate))
            .Take(500).ToListAsync(ct);
}
