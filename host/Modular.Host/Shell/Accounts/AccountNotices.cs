using Microsoft.EntityFrameworkCore;
using Modular.Host.Localization;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Shell.Accounts;

/// <summary>
/// Tells people about a change of rights that opens confidential records: when an account is given discipline
/// inspection (纪检), that person and the secretary of the agency's Party committee get a message (消息), so a grant
/// nobody expected is seen. Sent in the agency whose rights changed, whoever made the change (platform or office).
/// </summary>
public sealed class AccountNotices(IServiceScopeFactory scopes, IText text, ILogger<AccountNotices> logger)
{
    /// <summary>The notices' sender id: the host's account administration (no module).</summary>
    public const string SenderId = "accounts";

    public async Task DisciplineGrantedAsync(int agencyId, string agencyName, string userId, string userName, string displayName, string? actorName, CancellationToken ct)
    {
        using var _ = AgencyScope.Use(agencyId, agencyName);
        await using var scope = scopes.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var notifications = scope.ServiceProvider.GetRequiredService<INotifications>();
        var actor = string.IsNullOrEmpty(actorName) ? text["an administrator"] : actorName;
        try
        {
            var person = await directory.Members.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.Id).ToListAsync(ct);
            var secretaries = await (from p in directory.CurrentPosts.AsNoTracking()
                                     join o in directory.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
                                     where o.Kind == OrganizationKind.AgencyCommittee && p.Post == CommitteePost.Secretary
                                     select p.MemberId).ToListAsync(ct);
            await notifications.SendAsync(SenderId, person, new Notice(
                text["You were given discipline inspection"],
                text["{0} gave your account discipline inspection (纪检) in {1}: it now opens the integrity talks. If you did not expect this, tell the agency's Party committee.", actor, agencyName]), ct);
            await notifications.SendAsync(SenderId, secretaries.Except(person), new Notice(
                text["Discipline inspection was given to {0}", displayName],
                text["{0} gave {1} ({2}) discipline inspection (纪检) in {3}: that account now opens the integrity talks.", actor, displayName, userName, agencyName]), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The grant is saved and audited; a notice that could not be stored must not turn it into an error page.
            logger.LogError(ex, "Could not send the discipline-inspection notices of agency {Agency} for account {User}", agencyId, userName);
        }
    }
}
