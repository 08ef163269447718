using Microsoft.EntityFrameworkCore;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Auditing;

/// <summary>Stamps are shown in the agency's time zone (Beijing time), never in the server machine's zone.</summary>
public sealed class AuditTimeZoneTests : IClassFixture<AuditTimeZoneTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes");

    private readonly Portal _portal;
    public AuditTimeZoneTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task The_audit_log_shows_an_instant_as_Beijing_time()
    {
        // 02:30 UTC is 10:30 in Beijing: a server running in UTC used to show 02:30.
        _portal.Clock.Set(new DateTimeOffset(2026, 6, 2, 2, 30, 0, TimeSpan.Zero));
        await _portal.SignedInAsync("member");
        var entry = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "sign-in" && e.UserName == "member").OrderBy(e => e.Id).LastAsync());
        Assert.Equal(new DateTime(2026, 6, 2, 2, 30, 0), entry.Time, TimeSpan.FromMinutes(5));

        var auditor = await _portal.SignedInAsync("auditor");
        var page = await auditor.GetStringAsync("/Audit?action=sign-in&user=member");
        var beijing = DateTime.SpecifyKind(entry.Time, DateTimeKind.Unspecified).AddHours(8).ToString("yyyy-MM-dd HH:mm:ss");
        Assert.Contains(beijing, Html.Texts(page, "td.audit-time"));
    }
}
