using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>
/// The SDK's transfers of membership (<see cref="IMemberTransfers"/>): a transfer row both agencies see, and on acceptance
/// the move of the member record, their posts and their account, then the modules' handlers. Rules are in
/// <see cref="TransferRules"/>; each request, done or refused, is audited (a decision in both agencies).
/// </summary>
public sealed class MemberTransfers(DirectoryDbContext db, DirectoryService directory, HostDbContext host, ICurrentAgency agency, ICurrentUser user,
    IAuditLog audit, IAgencyClock clock, IText text, DirectoryLabels labels, DatabaseLocks locks, ModuleGate gate, Modular.Plugins.PluginCatalog catalog,
    IServiceProvider services, ILogger<MemberTransfers> logger)
    : IMemberTransfers
{
    private int Current => agency.Id ?? throw new AgencyScopeException("没有当前单位。");

    public async Task<IReadOnlyList<PortalAgency>> OtherAgenciesAsync(CancellationToken ct = default)
    {
        var current = agency.Id;
        return await host.Agencies.AsNoTracking().Where(a => a.Status == AgencyStatus.Active && a.Id != current)
            .OrderBy(a => a.Name).Select(a => new PortalAgency(a.Id, a.Name)).ToListAsync(ct);
    }

    public async Task<TransferResult> StartAsync(string moduleId, TransferStart start, CancellationToken ct = default)
    {
        var scope = await directory.GetCurrentScopeAsync(ct);
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == start.MemberId, ct);
        var toAgency = start.ToAgencyId ?? Current;
        var within = toAgency == Current;
        var problems = TransferRules.Start(start, member is null ? null : DirectoryService.ToInfo(member), scope, user.Id, clock.Today);
        Organization? toOrg = null;
        string? toAgencyName = null;
        if (within)
        {
            toOrg = start.ToOrganizationId is { } o ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == o, ct) : null;
            if (toOrg is null || toOrg.Kind == OrganizationKind.PartyGroup) problems.Add(new(nameof(TransferStart.ToOrganizationId), "Choose the receiving branch."));
            else if (member is not null && toOrg.Id == member.OrganizationId) problems.Add(new(nameof(TransferStart.ToOrganizationId), "The member already belongs to this organisation."));
        }
        else
        {
            toAgencyName = await host.Agencies.AsNoTracking().Where(a => a.Id == toAgency && a.Status == AgencyStatus.Active).Select(a => a.Name).FirstOrDefaultAsync(ct);
            if (toAgencyName is null) problems.Add(new(nameof(TransferStart.ToAgencyId), "Choose an agency of this portal."));
            else if (member?.UserId is { } uid && await IsAdministratorAsync(uid, Current, ct))
                problems.Add(new(nameof(TransferStart.MemberId), "The member's account administers this agency: hand the administrator role over first."));
        }
        if (member is not null && await db.Transfers.AnyAsync(t => t.FromAgencyId == Current && t.FromMemberId == member.Id && t.State == TransferState.Open, ct))
            problems.Add(new(nameof(TransferStart.MemberId), "This member already has an open transfer."));
        var transfer = new MemberTransfer();
        if (problems.Count == 0)
        {
            var fromOrg = await db.Organizations.AsNoTracking().FirstAsync(x => x.Id == member!.OrganizationId, ct);
            transfer = new MemberTransfer
            {
                FromAgencyId = Current, FromName = await AgencyNameAsync(Current, ct), FromOrganizationId = fromOrg.Id, FromOrganizationName = fromOrg.Name,
                FromMemberId = member!.Id, MemberName = member.Name, Stage = member.Stage,
                ToAgencyId = toAgency, ToAgencyName = within ? await AgencyNameAsync(Current, ct) : toAgencyName!,
                ToOrganizationId = toOrg?.Id, ToOrganizationName = toOrg?.Name,
                State = TransferState.Open, StartedOn = start.Date, ValidUntil = start.ValidUntil, DuesPaidThrough = start.DuesPaidThrough,
                LetterNumber = Trim(start.LetterNumber, 50), Note = Trim(start.Note, 500), StartedByUserId = user.Id,
            };
            db.Transfers.Add(transfer);
            await db.SaveChangesAsync(ct);
        }
        var what = $"member #{start.MemberId} → {(within ? $"organisation #{start.ToOrganizationId}" : $"agency #{toAgency}")}, valid until {start.ValidUntil:yyyy-MM-dd}";
        return await AuditedAsync("member.transfer-start", moduleId, transfer.Id, what, problems, ct);
    }

    public async Task<TransferResult> AcceptAsync(string moduleId, int transferId, int organizationId, DateOnly date, long version, CancellationToken ct = default)
    {
        var transfer = await db.Transfers.FirstOrDefaultAsync(t => t.Id == transferId && t.ToAgencyId == Current, ct);
        var problems = await DecisionProblemsAsync(transfer, version, ct);
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (problems.Count == 0 && transfer is not null)
        {
            var scope = await directory.GetCurrentScopeAsync(ct);
            if (org is null || org.Kind == OrganizationKind.PartyGroup) problems.Add(new("OrganizationId", "Choose the branch the member joins."));
            else if (!scope.CanSeeOrganization(org.Id)) problems.Add(new("OrganizationId", "You do not manage the members of this organisation."));
            else if (transfer.IsWithinAgency() && org.Id == transfer.FromOrganizationId) problems.Add(new("OrganizationId", "The member already belongs to this organisation."));
            problems.AddRange(TransferRules.DecisionDate(date, transfer.StartedOn, clock.Today));
        }
        string? movedUser = null;
        AccountMove? account = null;
        var moves = new ModuleMoves();
        if (problems.Count == 0)
        {
            try
            {
                // The member, their account and the modules' records move in one transaction: all of it commits, or none.
                var accepted = transfer!;
                await InAcceptanceTransactionAsync(!accepted.IsWithinAgency(), async () =>
                {
                    var transfer = accepted;
                    transfer.State = TransferState.Accepted;
                    transfer.DecidedOn = date;
                    transfer.DecidedByUserId = user.Id;
                    transfer.ToOrganizationId = org!.Id;
                    transfer.ToOrganizationName = org.Name;
                    await db.SaveChangesAsync(ct);
                    (problems, movedUser) = transfer.IsWithinAgency() ? await MoveWithinAsync(transfer, org, date, ct) : await MoveAcrossAsync(transfer, org, date, ct);
                    if (problems.Count == 0)
                    {
                        await db.SaveChangesAsync(ct);
                        if (movedUser is not null && (account = await MoveAccountAsync(movedUser, transfer, moves, ct)) is null)
                            problems = [new("", "The member's account could not be moved with the member: the transfer was not accepted and nothing was changed. Please try again later, or tell the platform's administrator.")];
                    }
                    if (problems.Count == 0)
                    {
                        await TellModulesAsync(transfer, date, moves, ct);
                        if (moves.Failed is { } failed)
                            problems = [new("", "The records of the module \"{0}\" could not be moved with the member: the transfer was not accepted and nothing was changed. Please try again later, or tell the platform's administrator.", ModuleName(failed))];
                    }
                    return problems.Count == 0;
                }, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                problems = [Problem.Stale()];
            }
            finally
            {
                db.ChangeTracker.Clear();
                directory.Forget();
                moves.Leave(problems.Count == 0);
            }
        }
        var what = $"member #{transfer?.FromMemberId} → organisation #{organizationId} on {date:yyyy-MM-dd}";
        var result = await AuditedAsync("member.transfer-accept", moduleId, transferId, what, problems, ct, transfer?.FromAgencyId);
        // Audit lines go through a connection of their own: written once the transaction is over.
        foreach (var (module, ok, detail) in moves.Outcomes)
            using (AgencyScope.Use(transfer!.FromAgencyId!.Value, transfer.FromName))
                await audit.WriteAsync("member.transfer-moved", $"Directory.Transfer#{transferId}", ok && result.Succeeded ? $"module {module} moved its records" : $"module {module}: {detail}", ok && result.Succeeded, ct);
        if (result.Succeeded && account is not null) await AuditAccountAsync(account, transfer!, ct);
        return result;
    }

    // Between agencies the account's rights change too: under the lock every change of rights takes, taken before the
    // transaction begins (as everywhere else) so that two orders of taking them never meet.
    private async Task InAcceptanceTransactionAsync(bool accountRights, Func<Task<bool>> work, CancellationToken ct)
    {
        if (accountRights)
        {
            await locks.InTransactionAsync(db, DatabaseLocks.AccountRights, work, ct);
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await work()) await tx.CommitAsync(ct);
        else await tx.RollbackAsync(ct);
    }

    /// <summary>The module's name as the portal shows it (its manifest's), for a message; its id when it is not installed.</summary>
    private string ModuleName(string moduleId) => catalog.Find(moduleId)?.Name.Current ?? moduleId;

    public async Task<TransferResult> ReturnAsync(string moduleId, int transferId, string reason, long version, CancellationToken ct = default)
    {
        var transfer = await db.Transfers.FirstOrDefaultAsync(t => t.Id == transferId && t.ToAgencyId == Current, ct);
        var problems = await DecisionProblemsAsync(transfer, version, ct);
        if (problems.Count == 0) problems.AddRange(TransferRules.Reason(reason));
        if (problems.Count == 0) problems = await DecideAsync(transfer!, TransferState.Returned, reason, ct);
        return await AuditedAsync("member.transfer-return", moduleId, transferId, $"reason: {Trim(reason, 200)}", problems, ct, transfer?.FromAgencyId);
    }

    public async Task<TransferResult> CancelAsync(string moduleId, int transferId, string reason, long version, CancellationToken ct = default)
    {
        var transfer = await db.Transfers.FirstOrDefaultAsync(t => t.Id == transferId && t.FromAgencyId == Current, ct);
        var problems = new List<Problem>();
        if (transfer is null) problems.Add(new("", "There is no such transfer."));
        else if (!(await directory.GetCurrentScopeAsync(ct)).AgencyWide) problems.Add(new("", "Only the agency's Party office starts or withdraws a transfer."));
        else if (transfer.State != TransferState.Open) problems.Add(new("", "The transfer has already been decided."));
        else if (transfer.Version != version) problems.Add(Problem.Stale());
        if (problems.Count == 0) problems.AddRange(TransferRules.Reason(reason));
        if (problems.Count == 0) problems = await DecideAsync(transfer!, TransferState.Cancelled, reason, ct);
        return await AuditedAsync("member.transfer-cancel", moduleId, transferId, $"reason: {Trim(reason, 200)}", problems, ct,
            transfer is { } t && t.ToAgencyId != Current ? t.ToAgencyId : null);
    }

    public async Task<TransferResult> RegisterArrivalAsync(string moduleId, TransferArrival arrival, CancellationToken ct = default)
    {
        var scope = await directory.GetCurrentScopeAsync(ct);
        var problems = TransferRules.Arrival(arrival, scope, clock.Today);
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == arrival.OrganizationId, ct);
        if (org is null || org.Kind == OrganizationKind.PartyGroup) problems.Add(new(nameof(TransferArrival.OrganizationId), "Choose the branch the member joins."));
        var number = arrival.LetterNumber?.Trim();
        var origin = arrival.Origin?.Trim();
        if (problems.Count == 0 && await db.Transfers.AnyAsync(t => t.ToAgencyId == Current && t.FromAgencyId == null && t.LetterNumber == number && t.FromName == origin, ct))
            problems.Add(new(nameof(TransferArrival.LetterNumber), "This letter has already been registered."));
        var transfer = new MemberTransfer();
        if (problems.Count == 0)
        {
            var member = new Member
            {
                Name = arrival.Name.Trim(), OrganizationId = org!.Id, Gender = arrival.Gender, Stage = arrival.Stage,
                JoinedDate = arrival.JoinedDate, FullMemberDate = arrival.Stage == MemberStage.FullMember ? arrival.FullMemberDate : null,
            };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Members.Add(member);
            await db.SaveChangesAsync(ct);
            var name = await AgencyNameAsync(Current, ct);
            transfer = new MemberTransfer
            {
                FromName = origin!, MemberName = member.Name, Stage = member.Stage, ToAgencyId = Current, ToAgencyName = name,
                ToOrganizationId = org.Id, ToOrganizationName = org.Name, ToMemberId = member.Id, State = TransferState.Accepted,
                StartedOn = arrival.Date, ValidUntil = arrival.Date, DecidedOn = arrival.Date, LetterNumber = number,
                DuesPaidThrough = arrival.DuesPaidThrough, StartedByUserId = user.Id, DecidedByUserId = user.Id,
            };
            db.Transfers.Add(transfer);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            directory.Forget();
        }
        return await AuditedAsync("member.transfer-arrival", moduleId, transfer.Id, $"from {Trim(origin, 100)}, letter {Trim(number, 50)}, organisation #{arrival.OrganizationId}", problems, ct);
    }

    public async Task<MemberTransferInfo?> GetAsync(int transferId, CancellationToken ct = default)
    {
        var current = agency.Id;
        var t = await db.Transfers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == transferId && (x.FromAgencyId == current || x.ToAgencyId == current), ct);
        return t is not null && await MaySeeAsync(t, ct) ? t.ToInfo() : null;
    }

    public async Task<IReadOnlyList<MemberTransferInfo>> ListAsync(TransferDirection direction, TransferState? state = null, CancellationToken ct = default)
    {
        var current = agency.Id;
        var query = db.Transfers.AsNoTracking().Where(t => direction == TransferDirection.Outgoing ? t.FromAgencyId == current : t.ToAgencyId == current);
        if (state is { } s) query = query.Where(t => t.State == s);
        var rows = await query.OrderByDescending(t => t.StartedOn).ThenByDescending(t => t.Id).Take(2000).ToListAsync(ct);
        var scope = await directory.GetCurrentScopeAsync(ct);
        return rows.Where(t => scope.AgencyWide || InScope(t, scope, direction)).Select(t => t.ToInfo()).ToList();
    }

    public async Task<IReadOnlyList<MemberTransferInfo>> MineAsync(CancellationToken ct = default)
    {
        if (await directory.GetCurrentMemberAsync(ct) is not { } me) return [];
        var current = agency.Id;
        return (await db.Transfers.AsNoTracking()
                .Where(t => (t.FromAgencyId == current && t.FromMemberId == me.Id) || (t.ToAgencyId == current && t.ToMemberId == me.Id))
                .OrderByDescending(t => t.StartedOn).ThenByDescending(t => t.Id).ToListAsync(ct))
            .Select(t => t.ToInfo()).ToList();
    }

    public async Task<bool> MayDecideAsync(MemberTransferInfo transfer, CancellationToken ct = default)
    {
        if (transfer.State != TransferState.Open || transfer.ToAgencyId != agency.Id || transfer.FromAgencyId is null) return false;
        var scope = await directory.GetCurrentScopeAsync(ct);
        if (transfer.IsWithinAgency && transfer.FromMemberId == scope.OwnMemberId) return false;
        return TransferRules.MayDecide(scope, transfer.IsWithinAgency, transfer.ToOrganizationId);
    }

    // ----- the move -----

    private async Task<(List<Problem>, string?)> MoveWithinAsync(MemberTransfer transfer, Organization org, DateOnly date, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == transfer.FromMemberId, ct);
        if (member is null || !member.Situation.IsOnRoster()) return ([new("", "The member is no longer on the roster.")], null);
        var oldSubtree = await directory.SubtreeIdsAsync(member.OrganizationId, ct);
        await EndPostsAsync(member.Id, oldSubtree, date, ct);
        member.OrganizationId = org.Id;
        member.GroupId = null;
        transfer.ToMemberId = member.Id;
        return ([], null);
    }

    private async Task<(List<Problem>, string?)> MoveAcrossAsync(MemberTransfer transfer, Organization org, DateOnly date, CancellationToken ct)
    {
        Member copy;
        string? userId;
        using (AgencyScope.Use(transfer.FromAgencyId!.Value, transfer.FromName))
        {
            var member = await db.Members.FirstOrDefaultAsync(m => m.Id == transfer.FromMemberId, ct);
            if (member is null || !member.Situation.IsOnRoster()) return ([new("", "The member is no longer on the roster.")], null);
            transfer.PostsHistory = await PostsHistoryAsync(member.Id, ct);
            await EndPostsAsync(member.Id, null, date, ct);
            copy = new Member
            {
                Name = member.Name, Gender = member.Gender, Ethnicity = member.Ethnicity, BirthDate = member.BirthDate,
                IdNumberProtected = member.IdNumberProtected, IdNumberMasked = member.IdNumberMasked, PhoneProtected = member.PhoneProtected,
                PhoneMasked = member.PhoneMasked, Education = member.Education, Title = member.Title, Stage = member.Stage,
                ApplicationDate = member.ApplicationDate, ActivistDate = member.ActivistDate, CandidateDate = member.CandidateDate,
                JoinedDate = member.JoinedDate, FullMemberDate = member.FullMemberDate, Situation = MemberSituation.Normal,
            };
            userId = member.UserId;
            // The sending agency keeps the record, off the roster, for its history; the account leaves with the person.
            member.Situation = MemberSituation.TransferredOut;
            member.SituationSince = date;
            member.UserId = null;
            member.GroupId = null;
            await db.SaveChangesAsync(ct);
        }
        copy.OrganizationId = org.Id;
        copy.UserId = userId;
        db.Members.Add(copy);
        await db.SaveChangesAsync(ct);
        transfer.ToMemberId = copy.Id;
        return ([], userId);
    }

    private async Task EndPostsAsync(int memberId, List<int>? organizations, DateOnly date, CancellationToken ct)
    {
        var posts = await db.Posts.Where(p => p.MemberId == memberId && p.Until == null).ToListAsync(ct);
        foreach (var p in posts.Where(p => organizations is null || organizations.Contains(p.OrganizationId)))
            p.Until = p.Since is { } since && since > date ? since : date;
    }

    private async Task<string?> PostsHistoryAsync(int memberId, CancellationToken ct)
    {
        var posts = await (from p in db.Posts.AsNoTracking()
                           join o in db.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
                           where p.MemberId == memberId
                           orderby p.Since
                           select new { o.Name, p.Post, p.Since, p.Until }).ToListAsync(ct);
        if (posts.Count == 0) return null;
        var lines = string.Join("；", posts.Select(p => $"{p.Name} {labels.Post(p.Post)} {p.Since?.ToString("yyyy-MM-dd") ?? "?"}—{p.Until?.ToString("yyyy-MM-dd") ?? ""}"));
        return lines.Length <= 1000 ? lines : lines[..999] + "…";
    }

    /// <summary>What moving an account changed, audited once the acceptance has committed.</summary>
    private sealed record AccountMove(string UserId, bool Added, string? RemovedRoles);

    // The account follows the person: a member of the receiving agency, nothing left in the sending one. In the
    // acceptance's transaction (the host's context joins it); null when the account's rows could not be written.
    private async Task<AccountMove?> MoveAccountAsync(string userId, MemberTransfer transfer, ModuleMoves moves, CancellationToken ct)
    {
        var from = transfer.FromAgencyId!.Value;
        string? removedRoles = null;
        var added = false;
        try
        {
            await moves.JoinAsync(host, db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), ct);
            var old = await host.AgencyMemberships.FirstOrDefaultAsync(m => m.AgencyId == from && m.UserId == userId, ct);
            if (old is not null) { removedRoles = old.Roles; host.AgencyMemberships.Remove(old); }
            if (!await host.AgencyMemberships.AnyAsync(m => m.AgencyId == transfer.ToAgencyId && m.UserId == userId, ct))
            {
                host.AgencyMemberships.Add(new AgencyMembership { AgencyId = transfer.ToAgencyId, UserId = userId, Roles = Roles.Member });
                added = true;
            }
            if (await host.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) is { } account)
            {
                if (account.LastAgencyId == from) account.LastAgencyId = transfer.ToAgencyId;
                account.SecurityStamp = Guid.NewGuid().ToString();
            }
            await host.SaveChangesAsync(ct);
            return new AccountMove(userId, added, removedRoles);
        }
        catch (DbUpdateException ex)
        {
            logger.LogError("The account of transfer {Transfer} could not be moved: {Error}", transfer.Id, ex.GetType().Name);
            return null;
        }
    }

    private async Task AuditAccountAsync(AccountMove moved, MemberTransfer transfer, CancellationToken ct)
    {
        host.ChangeTracker.Clear();
        var userName = await host.Users.AsNoTracking().Where(u => u.Id == moved.UserId).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        if (moved.Added) await audit.WriteAsync("agency.membership.added", "Account:" + userName, $"transfer #{transfer.Id}; roles {Roles.Member}", true, ct);
        if (moved.RemovedRoles is not null)
            using (AgencyScope.Use(transfer.FromAgencyId!.Value, transfer.FromName))
                await audit.WriteAsync("agency.membership.removed", "Account:" + userName, $"transfer #{transfer.Id}; roles {moved.RemovedRoles}", true, ct);
    }

    private async Task TellModulesAsync(MemberTransfer transfer, DateOnly date, ModuleMoves moves, CancellationToken ct)
    {
        var from = transfer.FromAgencyId!.Value;
        var move = new MemberMove(transfer.Id, from, transfer.FromMemberId!.Value, transfer.FromOrganizationId!.Value, transfer.ToAgencyId,
            transfer.ToMemberId!.Value, transfer.ToOrganizationId!.Value, date)
        {
            FromAgencyName = transfer.FromName, ToAgencyName = transfer.ToAgencyName,
            ReceivingAgencyScope = () => AgencyScope.Use(transfer.ToAgencyId, transfer.ToAgencyName),
        };
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var contexts = services.GetServices<ModuleDbContextRegistration>().ToList();
        foreach (var handler in services.GetServices<IMemberMovedHandler>())
        {
            if (!gate.IsEnabled(from, handler.ModuleId)) continue;
            using var _ = AgencyScope.Use(from, transfer.FromName);
            try
            {
                foreach (var registration in contexts.Where(c => c.ModuleId == handler.ModuleId))
                    await moves.JoinAsync((DbContext)services.GetRequiredService(registration.ContextType), connection, transaction, ct);
                await handler.MovedAsync(move, ct);
                moves.Outcomes.Add((handler.ModuleId, true, "its moves were rolled back with the acceptance"));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The message may quote the module's data: only the type goes to the log and the audit.
                logger.LogError("Module {Module} failed to move its records for transfer {Transfer}: {Error}", handler.ModuleId, transfer.Id, ex.GetType().Name);
                moves.Outcomes.Add((handler.ModuleId, false, ex.GetType().Name + "; the acceptance was rolled back"));
                moves.Failed = handler.ModuleId;
                return;
            }
        }
    }

    /// <summary>The modules' contexts joined to the acceptance's transaction, and what each handler came to.</summary>
    private sealed class ModuleMoves
    {
        private readonly List<DbContext> _joined = [];
        public List<(string Module, bool Ok, string Detail)> Outcomes { get; } = [];
        public string? Failed { get; set; }

        public async Task JoinAsync(DbContext context, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CancellationToken ct)
        {
            if (_joined.Contains(context)) return;
            if (!ReferenceEquals(context.Database.GetDbConnection(), connection)) context.Database.SetDbConnection(connection);
            await context.Database.UseTransactionAsync(transaction, ct);
            _joined.Add(context);
        }

        /// <summary>Out of the transaction, which is over; after a rollback nothing they tracked was kept.</summary>
        public void Leave(bool committed)
        {
            foreach (var context in _joined)
            {
                context.Database.UseTransaction(null);
                if (!committed) context.ChangeTracker.Clear();
            }
        }
    }

    // ----- checks -----

    private async Task<List<Problem>> DecisionProblemsAsync(MemberTransfer? transfer, long version, CancellationToken ct)
    {
        if (transfer is null || transfer.FromAgencyId is null) return [new("", "There is no such transfer.")];
        if (transfer.State != TransferState.Open) return [new("", "The transfer has already been decided.")];
        var scope = await directory.GetCurrentScopeAsync(ct);
        if (transfer.IsWithinAgency() ? transfer.FromMemberId == scope.OwnMemberId : await IsSentMemberAsync(transfer, ct))
            return [new("", "Nobody decides on their own transfer.")];
        if (!TransferRules.MayDecide(scope, transfer.IsWithinAgency(), transfer.ToOrganizationId))
            return [new("", transfer.IsWithinAgency() ? "Only the receiving branch's committee or the Party office decides on this transfer." : "Only the agency's Party office decides on a transfer from another agency.")];
        if (transfer.Version != version) return [Problem.Stale()];
        return [];
    }

    private async Task<List<Problem>> DecideAsync(MemberTransfer transfer, TransferState state, string reason, CancellationToken ct)
    {
        transfer.State = state;
        transfer.Reason = Trim(reason, 500);
        transfer.DecidedOn = clock.Today;
        transfer.DecidedByUserId = user.Id;
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [Problem.Stale()];
        }
    }

    private async Task<bool> MaySeeAsync(MemberTransfer t, CancellationToken ct)
    {
        var scope = await directory.GetCurrentScopeAsync(ct);
        if (scope.AgencyWide) return true;
        var current = agency.Id;
        if (scope.OwnMemberId is { } me && ((t.FromAgencyId == current && t.FromMemberId == me) || (t.ToAgencyId == current && t.ToMemberId == me))) return true;
        return (t.FromAgencyId == current && InScope(t, scope, TransferDirection.Outgoing)) || (t.ToAgencyId == current && InScope(t, scope, TransferDirection.Incoming));
    }

    private static bool InScope(MemberTransfer t, DataScope scope, TransferDirection direction) => direction == TransferDirection.Outgoing
        ? t.FromOrganizationId is { } f && scope.CanSeeOrganization(f)
        : t.ToOrganizationId is { } o && scope.CanSeeOrganization(o);

    // Between agencies the person is not yet a member of the receiving one: asked by their account in the sending agency.
    private async Task<bool> IsSentMemberAsync(MemberTransfer transfer, CancellationToken ct)
    {
        if (user.Id is not { } uid) return false;
        using (AgencyScope.Use(transfer.FromAgencyId!.Value, transfer.FromName))
            return await db.Members.AsNoTracking().AnyAsync(m => m.Id == transfer.FromMemberId && m.UserId == uid, ct);
    }

    private async Task<bool> IsAdministratorAsync(string userId, int agencyId, CancellationToken ct) =>
        (await host.AgencyMemberships.AsNoTracking().Where(m => m.AgencyId == agencyId && m.UserId == userId).Select(m => m.Roles).FirstOrDefaultAsync(ct))
            ?.Split(',', StringSplitOptions.TrimEntries).Contains(Roles.AgencyAdmin) == true;

    private async Task<string> AgencyNameAsync(int id, CancellationToken ct) =>
        await host.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";

    private static string? Trim(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var v && v.Length > max ? v[..max] : value.Trim();

    private async Task<TransferResult> AuditedAsync(string action, string moduleId, int transferId, string what, List<Problem> problems, CancellationToken ct,
        int? otherAgency = null)
    {
        var outcome = problems.Count == 0 ? "" : "; refused: " + string.Join(" ", problems.Select(p => p.Message));
        var details = $"module {moduleId}: {what}{outcome}";
        await audit.WriteAsync(action, $"Directory.Transfer#{transferId}", details, problems.Count == 0, ct);
        // A decision is the other side's business too: its audit log has the line as well.
        if (problems.Count == 0 && otherAgency is { } other && other != agency.Id)
            using (AgencyScope.Use(other))
                await audit.WriteAsync(action, $"Directory.Transfer#{transferId}", details, true, ct);
        if (problems.Count == 0) return TransferResult.Done(transferId);
        return new(null, problems.Select(p => p.Message == Problem.StaleKey ? p : new Problem(p.Field, text[p.Message, p.Args])).ToList());
    }
}

internal static class MemberTransferExtensions
{
    public static bool IsWithinAgency(this MemberTransfer t) => t.FromAgencyId == t.ToAgencyId;
}
