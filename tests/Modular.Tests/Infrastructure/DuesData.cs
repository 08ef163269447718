namespace Modular.Tests.Infrastructure;

/// <summary>The dues module's rows (tables dues_*) as its tests find and count them.</summary>
public static class DuesData
{
    public static Task<int> DuesBaseCountAsync(this PortalFactory portal, int year) =>
        portal.IntAsync("SELECT COUNT(*) FROM dues_base WHERE \"Year\" = @y", ("y", year));

    public static Task<int> DuesBasesOfAsync(this PortalFactory portal, int memberId) =>
        portal.IntAsync("SELECT COUNT(*) FROM dues_base WHERE \"MemberId\" = @m", ("m", memberId));

    public static Task<int> PaymentCountAsync(this PortalFactory portal, int memberId) =>
        portal.IntAsync("SELECT COUNT(*) FROM dues_payment WHERE \"MemberId\" = @m", ("m", memberId));

    /// <summary>The months a member has paid, as yyyy-MM, in order.</summary>
    public static async Task<List<string>> PaidMonthsAsync(this PortalFactory portal, int memberId) =>
        (await portal.QueryAsync("SELECT CAST(\"Month\" AS TEXT) FROM dues_paid_month WHERE \"MemberId\" = @m ORDER BY \"Month\"", ("m", memberId)))
        .Select(d => d[..7]).ToList();

    public static Task<int> PaymentsOfAgencyAsync(this PortalFactory portal, int agencyId) =>
        portal.IntAsync("SELECT COUNT(*) FROM dues_payment WHERE \"AgencyId\" = @a", ("a", agencyId));

    public static Task<int> HardshipsOfAgencyAsync(this PortalFactory portal, int agencyId) =>
        portal.IntAsync("SELECT COUNT(*) FROM dues_hardship WHERE \"AgencyId\" = @a", ("a", agencyId));

    /// <summary>The latest payment of a member (its id), or 0.</summary>
    public static async Task<int> LastPaymentAsync(this PortalFactory portal, int memberId) =>
        (await portal.IntsAsync("SELECT \"Id\" FROM dues_payment WHERE \"MemberId\" = @m ORDER BY \"Id\" DESC", ("m", memberId))).FirstOrDefault();
}
