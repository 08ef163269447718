using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;

namespace Modular.Host.Security;

/// <summary>Refuses a new password that matches the current one or any of the last few.</summary>
public sealed class PasswordHistoryValidator(HostDbContext db, SecurityOptions security) : IPasswordValidator<PortalUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (security.PasswordHistory <= 0 || string.IsNullOrEmpty(password)) return IdentityResult.Success;
        var hashes = await db.PasswordHistory.AsNoTracking().Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.Id).Take(security.PasswordHistory).Select(h => h.PasswordHash).ToListAsync();
        if (user.PasswordHash is not null && !hashes.Contains(user.PasswordHash)) hashes.Insert(0, user.PasswordHash);
        var reused = hashes.Take(security.PasswordHistory)
            .Any(h => manager.PasswordHasher.VerifyHashedPassword(user, h, password) != PasswordVerificationResult.Failed);
        return reused
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordReused", Description = $"不能使用最近 {security.PasswordHistory} 次用过的密码。" })
            : IdentityResult.Success;
    }
}

/// <summary>Identity's EF store, remembering each new password hash and when it was set.</summary>
public sealed class PortalUserStore(HostDbContext db, SecurityOptions security, TimeProvider clock, IdentityErrorDescriber? describer = null)
    : UserStore<PortalUser, IdentityRole, HostDbContext>(db, describer)
{
    public override async Task SetPasswordHashAsync(PortalUser user, string? passwordHash, CancellationToken cancellationToken = default)
    {
        await base.SetPasswordHashAsync(user, passwordHash, cancellationToken);
        if (passwordHash is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        user.PasswordChangedAt = now;
        if (security.PasswordHistory <= 0) return;
        // Saved with the user by the store's next SaveChanges.
        Context.PasswordHistory.Add(new PasswordHistoryEntry { UserId = user.Id, PasswordHash = passwordHash, CreatedAt = now });
        var old = await Context.PasswordHistory.Where(h => h.UserId == user.Id).OrderByDescending(h => h.Id)
            .Skip(security.PasswordHistory - 1).ToListAsync(cancellationToken);
        Context.PasswordHistory.RemoveRange(old);
    }
}
