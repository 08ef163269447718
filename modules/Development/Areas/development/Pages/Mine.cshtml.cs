using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Development.Pages;

/// <summary>One's own way to membership (read-only) and the people one is named for as mentor or sponsor.</summary>
[RequirePermission(DevelopmentModule.ViewPermission)]
public sealed class MineModel(DevelopmentDbContext db, DevelopmentAccess access, PeopleLookup people) : PageModel
{
    public DevelopmentCase? Own { get; private set; }
    public IReadOnlyList<(DevelopmentCase Case, HelperRole Role)> Named { get; private set; } = [];
    public IReadOnlyDictionary<int, MemberInfo> Names { get; private set; } = new Dictionary<int, MemberInfo>();
    public bool WorksOnCases { get; private set; }
    /// <summary>Already a probationary or full member: a mentor or sponsor is not told how to apply.</summary>
    public bool IsPartyMember { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        WorksOnCases = await access.WorksOnCasesAsync(ct);
        if (await access.MeAsync(ct) is not { } me) return;
        Own = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.MemberId == me, ct);
        IsPartyMember = await people.MemberAsync(me, ct) is { IsPartyMember: true };
        Named = (await (from h in db.Helpers.AsNoTracking() join c in db.Cases.AsNoTracking() on h.CaseId equals c.Id
                        where h.MemberId == me orderby c.LastStepDate descending select new { c, h.Role }).ToListAsync(ct))
            .Select(x => (x.c, x.Role)).ToList();
        Names = await people.NamesAsync(Named.Select(n => n.Case.MemberId), ct);
    }
}
