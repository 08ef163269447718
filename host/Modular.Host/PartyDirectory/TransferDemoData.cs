using Microsoft.EntityFrameworkCore;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>
/// Demo transfers once every demo agency has its roster: in the first agency two people who left with a letter (four
/// months and forty days ago: kept off the roster as transferred out, for the letters of the transfers module), an
/// open move between two of its branches, an open transfer to the second agency and one from it, the last past its
/// validity. Members who hold a post or an account are left alone.
/// </summary>
public static class TransferDemoData
{
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<(int Id, string Name)> agencies, DateOnly today, CancellationToken ct)
    {
        if (agencies.Count == 0) return;
        var first = agencies[0];
        var transfers = new List<MemberTransfer>();
        using (AgencyScope.Use(first.Id, first.Name))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var branches = await Branches(db, ct);
            if (branches.Count < 4) return;
            // New people, so that nobody on the demo roster changes: off the roster, they count nowhere.
            db.Members.Add(Gone("赵明远", branches[1].Id, today.AddMonths(-4), today));
            db.Members.Add(Gone("钱晓静", branches[3].Id, today.AddDays(-40), today));
            await db.SaveChangesAsync(ct);
            var within = await Movable(db, branches[1].Id, ct);
            transfers.Add(Open(first, branches[1], within, first, today.AddDays(-10), branches[2]));
            if (agencies.Count > 1) transfers.Add(Open(first, branches[3], await Movable(db, branches[3].Id, ct), agencies[1], today.AddDays(-20)));
        }
        if (agencies.Count > 1)
        {
            using (AgencyScope.Use(agencies[1].Id, agencies[1].Name))
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
                var branches = await Branches(db, ct);
                if (branches.Count > 0) transfers.Add(Open(agencies[1], branches[0], await Movable(db, branches[0].Id, ct), first, today.AddDays(-100)));
            }
        }
        using (AgencyScope.Use(first.Id, first.Name))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            db.Transfers.AddRange(transfers);
            await db.SaveChangesAsync(ct);
        }
    }

    private static Task<List<Organization>> Branches(DirectoryDbContext db, CancellationToken ct) =>
        db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Branch).OrderBy(o => o.Path).ThenBy(o => o.SortOrder).ThenBy(o => o.Id).ToListAsync(ct);

    private static Task<Member> Movable(DirectoryDbContext db, int branchId, CancellationToken ct) =>
        db.Members.AsNoTracking().Where(m => m.OrganizationId == branchId && m.Stage == MemberStage.FullMember && m.Situation == MemberSituation.Normal && m.UserId == null)
            .Where(m => !db.Posts.Any(p => p.MemberId == m.Id)).OrderByDescending(m => m.Id).FirstAsync(ct);

    private static MemberTransfer Open((int Id, string Name) from, Organization fromOrg, Member member, (int Id, string Name) to, DateOnly started, Organization? toOrg = null) => new()
    {
        FromAgencyId = from.Id, FromName = from.Name, FromOrganizationId = fromOrg.Id, FromOrganizationName = fromOrg.Name, FromMemberId = member.Id,
        MemberName = member.Name, Stage = member.Stage, ToAgencyId = to.Id, ToAgencyName = to.Name, ToOrganizationId = toOrg?.Id, ToOrganizationName = toOrg?.Name,
        State = TransferState.Open, StartedOn = started, ValidUntil = started.AddMonths(3).AddDays(-1), DuesPaidThrough = new DateOnly(started.Year, started.Month, 1).AddDays(-1),
        Note = "请及时接收。",
    };

    private static Member Gone(string name, int organizationId, DateOnly since, DateOnly today) => new()
    {
        Name = name, OrganizationId = organizationId, Gender = Gender.Unknown, Stage = MemberStage.FullMember,
        JoinedDate = today.AddYears(-9), FullMemberDate = today.AddYears(-8), Situation = MemberSituation.TransferredOut, SituationSince = since,
    };
}
