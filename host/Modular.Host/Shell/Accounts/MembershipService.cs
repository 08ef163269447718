using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Shell.Accounts;

/// <summary>
/// Accounts of one agency: who belongs to it and with which roles. Used by the platform and by the agency's administrator.
/// Every change goes through <see cref="AccountRights"/> (no platform account in an agency, nobody changes their own
/// rights, an agency keeps an administrator), is checked and saved under one lock, and is audited as a named event.
/// </summary>
public sealed class MembershipService(HostDbContext db, UserManager<PortalUser> users, IText text, Auditing.AuditLog audit,
    ICurrentUser currentUser, DatabaseLocks locks, AccountNotices notices, TimeProvider clock)
{
    /// <param name="NotInEffect">The account holds a platform role: the membership gives no rights and should be removed.</param>
    public sealed record AccountRow(int MembershipId, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut,
        bool IsSelf = false, bool NotInEffect = false);

    /// <summary>A change that was refused: the message to show, in the row or next to the field.</summary>
    public sealed record Outcome(bool Found, string? Error)
    {
        public static readonly Outcome Done = new(true, null);
        public static readonly Outcome Missing = new(false, null);
    }

    public async Task<PagedList<AccountRow>> ListAsync(int agencyId, string? search, int page, CancellationToken ct)
    {
        var query = db.AgencyMemberships.AsNoTracking().Where(m => m.AgencyId == agencyId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var q = search.Trim();
            query = query.Where(m => m.User!.UserName!.Contains(q) || m.User.DisplayName.Contains(q));
        }
        var now = clock.GetUtcNow();
        var paged = await PagedList<AgencyMembership>.CreateAsync(query.Include(m => m.User).OrderBy(m => m.User!.UserName), page, 20, ct);
        var ids = paged.Items.Select(m => m.UserId).ToList();
        var platform = (await db.PlatformRoleHolders().Where(id => ids.Contains(id)).ToListAsync(ct)).ToHashSet();
        var rows = paged.Items.Select(m => new AccountRow(m.Id, m.User!.UserName!, m.User.DisplayName, m.RoleList, m.User.LockoutEnd > now,
            m.UserId == currentUser.Id, platform.Contains(m.UserId))).ToList();
        return new PagedList<AccountRow>(rows, paged.Page, paged.PageSize, paged.Total);
    }

    /// <summary>Adds an existing account to the agency, or creates it when a display name and password are given. Errors are keyed by field.</summary>
    public async Task<Dictionary<string, string>> AddAsync(int agencyId, string userName, string? displayName, string? password, bool admin, bool mayAttachExisting, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var events = new List<RightsEvent>();
        userName = userName.Trim();
        if (!mayAttachExisting)
        {
            // Only the platform attaches accounts that already exist. An agency only creates, and its form must not
            // probe the portal's accounts: the new account's fields are asked for and its password checked first,
            // then a taken name reads the same whether it is taken here or in another agency.
            if (string.IsNullOrWhiteSpace(displayName)) errors["DisplayName"] = text["Enter a display name for the new account."];
            if (string.IsNullOrEmpty(password)) errors["Password"] = text["Enter an initial password for the new account."];
            if (errors.Count > 0) return errors;
            var standIn = new PortalUser { UserName = userName, DisplayName = displayName!.Trim() };
            foreach (var validator in users.PasswordValidators)
            {
                var checkedPassword = await validator.ValidateAsync(users, standIn, password);
                foreach (var e in checkedPassword.Errors)
                    errors["Password"] = errors.TryGetValue("Password", out var prev) ? prev + " " + Describe(e) : Describe(e);
            }
            if (errors.Count > 0) return errors;
        }
        await InLockAsync(async () =>
        {
            var user = await users.FindByNameAsync(userName);
            var isNew = user is null;
            if (user is not null && !mayAttachExisting)
            {
                // Only the platform attaches accounts that already exist (they may belong to other agencies).
                errors["UserName"] = text["This user name is already taken."];
                return false;
            }
            if (user is not null && AccountRights.CheckMembership(AccountRights.MembershipChange.Add, currentUser.Id, user.Id,
                    await HoldsPlatformRoleAsync(user.Id, ct), adminBefore: false, adminAfter: admin, administrators: 0) is { } refused)
            {
                errors["UserName"] = text[refused];
                events.Add(new("agency.membership.added", user, null, refused));
                return false;
            }
            if (user is null)
            {
                if (string.IsNullOrWhiteSpace(displayName)) errors["DisplayName"] = text["There is no account with this user name. To create it, enter a display name and an initial password."];
                if (string.IsNullOrEmpty(password)) errors["Password"] = text["Enter an initial password for the new account."];
                if (errors.Count > 0) return false;
                user = new PortalUser { UserName = userName, DisplayName = displayName!.Trim(), LastAgencyId = agencyId, MustChangePassword = true };
                var created = await users.CreateAsync(user, password!);
                if (!created.Succeeded)
                {
                    foreach (var e in created.Errors)
                    {
                        var field = e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : "UserName";
                        errors[field] = errors.TryGetValue(field, out var prev) ? prev + " " + Describe(e) : Describe(e);
                    }
                    return false;
                }
            }
            else if (await db.AgencyMemberships.AnyAsync(m => m.AgencyId == agencyId && m.UserId == user.Id, ct))
            {
                errors["UserName"] = text["This account already belongs to the agency."];
                return false;
            }
            var roles = admin ? $"{Roles.AgencyAdmin},{Roles.Member}" : Roles.Member;
            db.AgencyMemberships.Add(new AgencyMembership { AgencyId = agencyId, UserId = user.Id, Roles = roles });
            await db.SaveChangesAsync(ct);
            if (isNew) events.Add(new("account.create", user, null));
            events.Add(new("agency.membership.added", user, roles));
            if (admin) events.Add(new("agency.role.granted", user, Roles.AgencyAdmin));
            return true;
        }, ct);
        await WriteEventsAsync(agencyId, events, ct);
        return errors;
    }

    public async Task<Outcome> SetAdminAsync(int agencyId, int membershipId, bool admin, CancellationToken ct) =>
        await SetRoleAsync(agencyId, membershipId, Roles.AgencyAdmin, admin, AccountRights.MembershipChange.SetAdministrator, ct);

    /// <summary>Gives or takes the agency's discipline-inspection role (纪检), keeping the account's other roles.</summary>
    public async Task<Outcome> SetDisciplineAsync(int agencyId, int membershipId, bool on, CancellationToken ct) =>
        await SetRoleAsync(agencyId, membershipId, Roles.DisciplineInspection, on, AccountRights.MembershipChange.SetDisciplineInspection, ct);

    private async Task<Outcome> SetRoleAsync(int agencyId, int membershipId, string role, bool on, AccountRights.MembershipChange change, CancellationToken ct)
    {
        var outcome = Outcome.Done;
        var events = new List<RightsEvent>();
        await InLockAsync(async () =>
        {
            var m = await db.AgencyMemberships.Include(x => x.User).FirstOrDefaultAsync(x => x.Id == membershipId && x.AgencyId == agencyId, ct);
            if (m is null) { outcome = Outcome.Missing; return false; }
            var adminBefore = m.RoleList.Contains(Roles.AgencyAdmin);
            var adminAfter = role == Roles.AgencyAdmin ? on : adminBefore;
            if (await CheckAsync(change, m, adminBefore, adminAfter, ct) is { } refused)
            {
                outcome = new Outcome(true, text[refused]);
                events.Add(new(on ? "agency.role.granted" : "agency.role.revoked", m.User!, role, refused));
                return false;
            }
            if (m.RoleList.Contains(role) == on) return false; // nothing changes, nothing to record
            m.Roles = WithRole(m.RoleList, role, on);
            await db.SaveChangesAsync(ct);
            events.Add(new(on ? "agency.role.granted" : "agency.role.revoked", m.User!, role));
            return true;
        }, ct);
        await WriteEventsAsync(agencyId, events, ct);
        return outcome;
    }

    private static string WithRole(IReadOnlyList<string> roles, string role, bool on)
    {
        var set = roles.Where(r => r != role).ToList();
        if (on) set.Insert(0, role);
        if (!set.Contains(Roles.Member)) set.Add(Roles.Member);
        return string.Join(",", set);
    }

    // Open sessions pick up role changes and removals at their next check (Security:SessionCheckSeconds).
    public async Task<Outcome> RemoveAsync(int agencyId, int membershipId, CancellationToken ct)
    {
        var outcome = Outcome.Done;
        var events = new List<RightsEvent>();
        await InLockAsync(async () =>
        {
            var m = await db.AgencyMemberships.Include(x => x.User).FirstOrDefaultAsync(x => x.Id == membershipId && x.AgencyId == agencyId, ct);
            if (m is null) { outcome = Outcome.Missing; return false; }
            if (await CheckAsync(AccountRights.MembershipChange.Remove, m, m.RoleList.Contains(Roles.AgencyAdmin), adminAfter: false, ct) is { } refused)
            {
                outcome = new Outcome(true, text[refused]);
                events.Add(new("agency.membership.removed", m.User!, m.Roles, refused));
                return false;
            }
            db.AgencyMemberships.Remove(m);
            await db.SaveChangesAsync(ct);
            events.Add(new("agency.membership.removed", m.User!, m.Roles));
            return true;
        }, ct);
        await WriteEventsAsync(agencyId, events, ct);
        return outcome;
    }

    private async Task<string?> CheckAsync(AccountRights.MembershipChange change, AgencyMembership m, bool adminBefore, bool adminAfter, CancellationToken ct)
    {
        var platform = await HoldsPlatformRoleAsync(m.UserId, ct);
        // Only honoured memberships administer the agency; counted inside the lock, so two removals cannot both pass.
        var administrators = adminBefore && !adminAfter
            ? (await db.HonouredMemberships().Where(x => x.AgencyId == m.AgencyId && x.Roles.Contains(Roles.AgencyAdmin)).Select(x => x.Roles).ToListAsync(ct))
                .Count(r => r.Split(',', StringSplitOptions.TrimEntries).Contains(Roles.AgencyAdmin))
            : 0;
        return AccountRights.CheckMembership(change, currentUser.Id, m.UserId, platform, adminBefore, adminAfter, administrators);
    }

    private Task<bool> HoldsPlatformRoleAsync(string userId, CancellationToken ct) => db.PlatformRoleHolders().AnyAsync(id => id == userId, ct);

    /// <summary>
    /// Runs the check and the change in one transaction under the lock every change of rights takes (memberships and
    /// platform roles alike); commits when the work says so.
    /// </summary>
    internal static async Task InLockAsync(HostDbContext db, DatabaseLocks locks, Func<Task<bool>> work, CancellationToken ct)
    {
        try
        {
            await locks.InTransactionAsync(db, DatabaseLocks.AccountRights, work, ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private Task InLockAsync(Func<Task<bool>> work, CancellationToken ct) => InLockAsync(db, locks, work, ct);

    /// <param name="Refused">The refusal's resource key: a refused change of rights is recorded too, under the event it would have been.</param>
    private sealed record RightsEvent(string Action, PortalUser User, string? What, string? Refused = null);

    /// <summary>Named events after the transaction (the audit writer appends on its own connection), in the agency concerned.</summary>
    private async Task WriteEventsAsync(int agencyId, List<RightsEvent> events, CancellationToken ct)
    {
        if (events.Count == 0) return;
        var agencyName = await AgencyNameAsync(agencyId, ct);
        using (AgencyScope.Use(agencyId, agencyName))
        {
            foreach (var e in events)
            {
                var details = e.Action == "account.create" ? $"agency {agencyId}" : Details(agencyId, agencyName, e.User.UserName!, e.What);
                if (e.Refused is not null) details += "; refused: " + e.Refused;
                await audit.WriteAsync(e.Action, "Account:" + e.User.UserName, details, e.Refused is null, ct);
            }
        }
        foreach (var e in events.Where(e => e.Action == "agency.role.granted" && e.What == Roles.DisciplineInspection && e.Refused is null))
            await notices.DisciplineGrantedAsync(agencyId, agencyName, e.User.Id, e.User.UserName!, e.User.DisplayName, currentUser.DisplayName, ct);
    }

    private string Details(int agencyId, string agencyName, string userName, string? what) =>
        $"by {currentUser.UserName ?? "system"}; account {userName}; {(what is null ? "" : $"roles {what}; ")}agency #{agencyId} {agencyName}";

    private async Task<string> AgencyNameAsync(int agencyId, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.ShortName == "" ? a.Name : a.ShortName).FirstOrDefaultAsync(ct) ?? "";

    private string Describe(IdentityError e) => IdentityMessages.Describe(e, text);
}
