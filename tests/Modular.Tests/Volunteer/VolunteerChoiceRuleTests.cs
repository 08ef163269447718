using Modular.Modules.Volunteer.Rules;

namespace Modular.Tests.Volunteer;

/// <summary>The activity form's choices (organiser, organisation, partner) against what the form offers (plain code, no host).</summary>
public sealed class VolunteerChoiceRuleTests
{
    private static ActivityRules.Choices Offered(bool agencyWide = false) => new([7, 8], [1, 2], [30], agencyWide);

    private static List<string> Fields(int? organizer, int? organization, int? partner, bool agencyWide = false, ActivityRules.Stored? stored = null) =>
        ActivityRules.CheckChoices(organizer, organization, partner, Offered(agencyWide), stored).Select(p => p.Field).ToList();

    [Fact]
    public void Choices_from_the_lists_pass() => Assert.Empty(Fields(7, 2, 30));

    [Fact]
    public void An_organiser_not_offered_is_refused_unless_the_activity_has_them_already()
    {
        Assert.Equal(["OrganizerMemberId"], Fields(99, 1, null));
        Assert.Empty(Fields(99, 1, null, stored: new(99, 1)));
        Assert.Equal("Choose the organiser from the list.", ActivityRules.CheckChoices(99, 1, null, Offered(), null).Single().Message);
    }

    [Fact]
    public void An_organisation_not_offered_is_refused_unless_the_activity_has_it_already()
    {
        Assert.Equal(["OrganizationId"], Fields(7, 5, null));
        Assert.Empty(Fields(7, 5, null, stored: new(7, 5)));
    }

    [Fact]
    public void Only_the_agency_wide_organiser_or_an_activity_without_one_may_leave_the_organisation_empty()
    {
        Assert.Equal(["OrganizationId"], Fields(7, null, null));
        Assert.Equal(["OrganizationId"], Fields(7, null, null, stored: new(7, 1)));
        Assert.Empty(Fields(7, null, null, agencyWide: true));
        Assert.Empty(Fields(7, null, null, stored: new(7, null)));
    }

    [Fact]
    public void A_partner_not_offered_is_refused() => Assert.Equal(["PartnerId"], Fields(7, 1, 31));
}
