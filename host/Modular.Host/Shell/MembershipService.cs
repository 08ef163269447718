using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Sdk;

namespace Modular.Host.Shell;

/// <summary>Accounts of one agency: who belongs to it and with which roles. Used by the platform and by the agency's administrator.</summary>
public sealed class MembershipService(HostDbContext db, UserManager<PortalUser> users, IText text, Auditing.AuditLog audit)
{
    public sealed record AccountRow(int MembershipId, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut);

    public async Task<PagedList<AccountRow>> ListAsync(int agencyId, string? search, int page, CancellationToken ct)
    {
        var query = db.AgencyMemberships.AsNoTracking().Where(m => m.AgencyId == agencyId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var q = search.Trim();
            query = query.Where(m => m.User!.UserName!.Contains(q) || m.User.DisplayName.Contains(q));
        }
        var now = DateTimeOffset.UtcNow;
        var paged = await PagedList<AgencyMembership>.CreateAsync(query.Include(m => m.User).OrderBy(m => m.User!.UserName), page, 20, ct);
        var rows = paged.Items.Select(m => new AccountRow(m.Id, m.User!.UserName!, m.User.DisplayName, m.RoleList, m.User.LockoutEnd > now)).ToList();
        return new PagedList<AccountRow>(rows, paged.Page, paged.PageSize, paged.Total);
    }

    /// <summary>Adds an existing account to the agency, or creates it when a display name and password are given. Errors are keyed by field.</summary>
    public async Task<Dictionary<string, string>> AddAsync(int agencyId, string userName, string? displayName, string? password, bool admin, bool mayAttachExisting, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        userName = userName.Trim();
        var user = await users.FindByNameAsync(userName);
        var isNew = user is null;
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
            if (user is not null)
            {
                errors["UserName"] = text["This user name is already taken."];
                return errors;
            }
        }
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(displayName)) errors["DisplayName"] = text["There is no account with this user name. To create it, enter a display name and an initial password."];
            if (string.IsNullOrEmpty(password)) errors["Password"] = text["Enter an initial password for the new account."];
            if (errors.Count > 0) return errors;
            user = new PortalUser { UserName = userName, DisplayName = displayName!.Trim(), LastAgencyId = agencyId, MustChangePassword = true };
            var created = await users.CreateAsync(user, password!);
            if (!created.Succeeded)
            {
                foreach (var e in created.Errors)
                {
                    var field = e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : "UserName";
                    errors[field] = errors.TryGetValue(field, out var prev) ? prev + " " + Describe(e) : Describe(e);
                }
                return errors;
            }
        }
        else if (await db.AgencyMemberships.AnyAsync(m => m.AgencyId == agencyId && m.UserId == user.Id, ct))
        {
            errors["UserName"] = text["This account already belongs to the agency."];
            return errors;
        }
        db.AgencyMemberships.Add(new AgencyMembership
        {
            AgencyId = agencyId,
            UserId = user.Id,
            Roles = admin ? $"{Roles.AgencyAdmin},{Roles.Member}" : Roles.Member,
        });
        await db.SaveChangesAsync(ct);
        if (isNew) await audit.WriteAsync("account.create", "Account:" + user.UserName, $"agency {agencyId}", true, ct);
        return errors;
    }

    public async Task<bool> SetAdminAsync(int agencyId, int membershipId, bool admin, CancellationToken ct)
    {
        var m = await db.AgencyMemberships.FirstOrDefaultAsync(x => x.Id == membershipId && x.AgencyId == agencyId, ct);
        if (m is null) return false;
        m.Roles = WithRole(m.RoleList, Roles.AgencyAdmin, admin);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Gives or takes the agency's discipline-inspection role (纪检), keeping the account's other roles.</summary>
    public async Task<bool> SetDisciplineAsync(int agencyId, int membershipId, bool on, CancellationToken ct)
    {
        var m = await db.AgencyMemberships.FirstOrDefaultAsync(x => x.Id == membershipId && x.AgencyId == agencyId, ct);
        if (m is null) return false;
        m.Roles = WithRole(m.RoleList, Roles.DisciplineInspection, on);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string WithRole(IReadOnlyList<string> roles, string role, bool on)
    {
        var set = roles.Where(r => r != role).ToList();
        if (on) set.Insert(0, role);
        if (!set.Contains(Roles.Member)) set.Add(Roles.Member);
        return string.Join(",", set);
    }

    // Open sessions pick up role changes and removals at their next check (Security:SessionCheckSeconds).
    public async Task<bool> RemoveAsync(int agencyId, int membershipId, CancellationToken ct)
    {
        var m = await db.AgencyMemberships.FirstOrDefaultAsync(x => x.Id == membershipId && x.AgencyId == agencyId, ct);
        if (m is null) return false;
        db.AgencyMemberships.Remove(m);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private string Describe(IdentityError e) => IdentityMessages.Describe(e, text);
}
