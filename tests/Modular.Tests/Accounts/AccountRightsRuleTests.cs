using Modular.Host.Shell;
using Modular.Host.Shell.Accounts;
using Modular.Sdk;
using static Modular.Host.Shell.Accounts.AccountRights;

namespace Modular.Tests.Accounts;

/// <summary>The rules of <see cref="AccountRights"/> alone (the pages and services are driven in AccountRightsTests).</summary>
public sealed class AccountRightsRuleTests
{
    [Theory]
    [InlineData(MembershipChange.Add)]
    [InlineData(MembershipChange.SetAdministrator)]
    [InlineData(MembershipChange.SetDisciplineInspection)]
    [InlineData(MembershipChange.Remove)]
    public void Nobody_changes_their_own_membership(MembershipChange change) =>
        Assert.Equal(OwnRights, CheckMembership(change, "u1", "u1", targetHoldsPlatformRole: false, adminBefore: false, adminAfter: false, administrators: 5));

    [Theory]
    [InlineData(MembershipChange.Add)]
    [InlineData(MembershipChange.SetAdministrator)]
    [InlineData(MembershipChange.SetDisciplineInspection)]
    public void A_platform_account_gets_no_agency_rights(MembershipChange change) =>
        Assert.Equal(PlatformAccountInAgency, CheckMembership(change, "u1", "u2", targetHoldsPlatformRole: true, adminBefore: false, adminAfter: true, administrators: 1));

    [Fact]
    public void A_platform_accounts_membership_may_be_removed_even_as_the_only_administrator_row() =>
        Assert.Null(CheckMembership(MembershipChange.Remove, "u1", "u2", targetHoldsPlatformRole: true, adminBefore: true, adminAfter: false, administrators: 0));

    [Theory]
    [InlineData(MembershipChange.SetAdministrator, 1, LastAdministrator)]
    [InlineData(MembershipChange.Remove, 1, LastAdministrator)]
    [InlineData(MembershipChange.Remove, 0, LastAdministrator)]
    [InlineData(MembershipChange.SetAdministrator, 2, null)]
    [InlineData(MembershipChange.Remove, 2, null)]
    public void The_last_administrator_stays(MembershipChange change, int administrators, string? expected) =>
        Assert.Equal(expected, CheckMembership(change, "u1", "u2", targetHoldsPlatformRole: false, adminBefore: true, adminAfter: false, administrators));

    [Fact]
    public void Changes_that_keep_an_administrator_pass()
    {
        Assert.Null(CheckMembership(MembershipChange.Remove, "u1", "u2", false, adminBefore: false, adminAfter: false, administrators: 1));
        Assert.Null(CheckMembership(MembershipChange.SetDisciplineInspection, "u1", "u2", false, adminBefore: true, adminAfter: true, administrators: 1));
        Assert.Null(CheckMembership(MembershipChange.Add, "u1", "u2", false, adminBefore: false, adminAfter: true, administrators: 0));
        // Outside a request (seeding) there is no acting account.
        Assert.Null(CheckMembership(MembershipChange.Add, null, "u2", false, false, true, 0));
    }

    [Fact]
    public void Platform_roles_go_only_to_accounts_of_no_agency_and_never_to_oneself()
    {
        Assert.Equal(OwnRights, CheckPlatformRole("u1", "u1", Roles.AuditAdmin, 0));
        Assert.Equal(OwnRights, CheckPlatformRole("u1", "u1", null, 0));
        Assert.Equal(AgencyAccountToPlatform, CheckPlatformRole("u1", "u2", Roles.PlatformAdmin, 1));
        Assert.Null(CheckPlatformRole("u1", "u2", Roles.PlatformAdmin, 0));
        // Taking a platform role away is always possible (it ends a violation rather than making one).
        Assert.Null(CheckPlatformRole("u1", "u2", null, 2));
    }
}
