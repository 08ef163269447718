using Microsoft.AspNetCore.Mvc;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Host.Pages.Shared;
using Modular.Host.Shell;
using Modular.Host.Shell.Accounts;

namespace Modular.Host.Pages.Platform.Agencies;

public sealed class AccountsModel(MembershipService memberships, HostDbContext db, IText text) : AccountsPageModel(memberships, text)
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    private string _name = "";
    public override string AgencyTitle => Text["Accounts of {0}", _name];

    protected override bool MayAttachExisting => true;

    protected override async Task<int?> ResolveAgencyAsync(CancellationToken ct)
    {
        var agency = await db.Agencies.FindAsync([Id], ct);
        _name = agency?.Name ?? "";
        return agency?.Id;
    }
}
