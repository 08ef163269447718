using Modular.Host.Localization;
using Modular.Host.Pages.Shared;
using Modular.Host.Shell;
using Modular.Host.Shell.Accounts;
using Modular.Sdk;

namespace Modular.Host.Pages.Agency;

public sealed class AccountsModel(MembershipService memberships, ICurrentAgency agency, IText text) : AccountsPageModel(memberships, text)
{
    public override string AgencyTitle => Text["Accounts of {0}", agency.Name ?? ""];
    protected override Task<int?> ResolveAgencyAsync(CancellationToken ct) => Task.FromResult(agency.Id);
}
