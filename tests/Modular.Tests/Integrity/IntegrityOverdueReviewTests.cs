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
        var risk = int.Parse((await _portal.QueryAsync("SELECT MIN(\"Id\") FROM int_risk WHERE \"OwnerMemberId\" = @m", ("m", owner))).Single());
        await _portal.ExecAsync("UPDATE int_risk SET \"NextReviewDate\" = @d WHERE \"Id\" = @id", ("d", Integrity.Today.AddDays(-3)), ("id", risk));
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Contains("风险点复核逾期", await secretary.GetStringAsync("/Todo"));
        var version = (await _portal.QueryAsync("SELECT \"Version\" FROM int_risk WHERE \"Id\" = @id", ("id", risk))).Single();
        var confirm = await secretary.PostFormAsync($"/m/integrity/Risks/Edit/{risk}", new Dictionary<string, string> { ["Input.Version"] = version }, $"/m/integrity/Risks/Edit/{risk}?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.DoesNotContain("风险点复核逾期", await secretary.GetStringAsync("/Todo"));
        Assert.Equal(Integrity.D(Integrity.Today.AddYears(1)), (await _portal.QueryAsync("SELECT CAST(\"NextReviewDate\" AS TEXT) FROM int_risk WHERE \"Id\" = @id", ("id", risk))).Single());
    }
}
