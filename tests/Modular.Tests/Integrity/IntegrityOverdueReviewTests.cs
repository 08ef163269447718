using System.Net;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Integrity;

/// <summary>A risk point past its next review date, outside any round, is its owner's to-do until they review it.</summary>
public sealed class IntegrityOverdueReviewTests : IClassFixture<IntegrityOverdueReviewTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("integrity") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public IntegrityOverdueReviewTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task An_overdue_review_is_a_to_do_of_its_owner_until_confirmed()
    {
        var owner = await _portal.MemberIdAsync("张国强");
        var risk = (await _portal.RisksOwnedByAsync(owner)).First();
        await _portal.SetNextReviewDateAsync(risk, _portal.Today.AddDays(-3));
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Contains("风险点复核逾期", await secretary.GetStringAsync("/Todo"));
        var version = await _portal.RiskVersionAsync(risk);
        var confirm = await secretary.PostFormAsync($"/m/integrity/Risks/Edit/{risk}", new Dictionary<string, string> { ["Input.Version"] = version }, $"/m/integrity/Risks/Edit/{risk}?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.DoesNotContain("风险点复核逾期", await secretary.GetStringAsync("/Todo"));
        Assert.Equal(_portal.Today.AddYears(1), await _portal.NextReviewDateAsync(risk));
    }
}
