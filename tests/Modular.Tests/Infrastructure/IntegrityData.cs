using Modular.Modules.Integrity.Domain;

namespace Modular.Tests.Infrastructure;

/// <summary>
/// The anti-corruption module's rows (tables int_*) as its tests find, count, read and move them, through
/// <see cref="ModuleSql"/>. Records are made through the module's pages (tests/Modular.Tests/Integrity/Integrity.cs).
/// </summary>
public static class IntegrityData
{
    /// <summary>The agency's first risk point, warning session, inspection or rectification item (the demo data's).</summary>
    public static Task<int> FirstRiskAsync(this PortalFactory portal, int agencyId) => portal.FirstOfAgencyAsync("int_risk", agencyId);
    public static Task<int> FirstWarningSessionAsync(this PortalFactory portal, int agencyId) => portal.FirstOfAgencyAsync("int_warning", agencyId);
    public static Task<int> FirstInspectionAsync(this PortalFactory portal, int agencyId) => portal.FirstOfAgencyAsync("int_inspection", agencyId);
    public static Task<int> FirstRectificationAsync(this PortalFactory portal, int agencyId) => portal.FirstOfAgencyAsync("int_rectification", agencyId);

    private static Task<int> FirstOfAgencyAsync(this PortalFactory portal, string table, int agencyId) =>
        portal.IntAsync($"SELECT MIN(\"Id\") FROM {table} WHERE \"AgencyId\" = @a", ("a", agencyId));

    // Talks

    /// <summary>Talks of every agency; only those with this summary when given.</summary>
    public static Task<int> TalkCountAsync(this PortalFactory portal, string? summary = null) => summary is null
        ? portal.IntAsync("SELECT COUNT(*) FROM int_talk")
        : portal.IntAsync("SELECT COUNT(*) FROM int_talk WHERE \"Summary\" = @s", ("s", summary));

    public static Task<string> TalkSummaryAsync(this PortalFactory portal, int talkId) =>
        portal.TextAsync("SELECT \"Summary\" FROM int_talk WHERE \"Id\" = @id", ("id", talkId));

    // Risk points and their reviews

    public static Task<int> RiskCountAsync(this PortalFactory portal, int agencyId) =>
        portal.IntAsync("SELECT COUNT(*) FROM int_risk WHERE \"AgencyId\" = @a", ("a", agencyId));

    /// <summary>The risk points a member owns, by id.</summary>
    public static Task<List<int>> RisksOwnedByAsync(this PortalFactory portal, int memberId) =>
        portal.IntsAsync("SELECT \"Id\" FROM int_risk WHERE \"OwnerMemberId\" = @m ORDER BY \"Id\"", ("m", memberId));

    public static Task<string> RiskDescriptionAsync(this PortalFactory portal, int riskId) =>
        portal.TextAsync("SELECT \"Description\" FROM int_risk WHERE \"Id\" = @id", ("id", riskId));

    /// <summary>The risk point's concurrency stamp, as its edit form posts it.</summary>
    public static Task<string> RiskVersionAsync(this PortalFactory portal, int riskId) =>
        portal.TextAsync("SELECT \"Version\" FROM int_risk WHERE \"Id\" = @id", ("id", riskId));

    public static Task<DateOnly> NextReviewDateAsync(this PortalFactory portal, int riskId) =>
        portal.DateAsync("SELECT CAST(\"NextReviewDate\" AS TEXT) FROM int_risk WHERE \"Id\" = @id", ("id", riskId));

    /// <summary>Makes a risk point due for review on <paramref name="date"/> (the tests cannot wait a year).</summary>
    public static Task SetNextReviewDateAsync(this PortalFactory portal, int riskId, DateOnly date) =>
        portal.ExecAsync("UPDATE int_risk SET \"NextReviewDate\" = @d WHERE \"Id\" = @id", ("d", date), ("id", riskId));

    /// <summary>The reviews of the yearly rounds that a member owns, by id.</summary>
    public static Task<List<int>> ReviewsOwnedByAsync(this PortalFactory portal, int memberId) =>
        portal.IntsAsync("SELECT \"Id\" FROM int_review WHERE \"OwnerMemberId\" = @m ORDER BY \"Id\"", ("m", memberId));

    public static Task<ReviewOutcome> ReviewOutcomeAsync(this PortalFactory portal, int reviewId) =>
        portal.EnumAsync<ReviewOutcome>("SELECT \"Outcome\" FROM int_review WHERE \"Id\" = @id", ("id", reviewId));

    public static Task<int> ReviewedRiskAsync(this PortalFactory portal, int reviewId) =>
        portal.IntAsync("SELECT \"RiskId\" FROM int_review WHERE \"Id\" = @id", ("id", reviewId));

    /// <summary>Moves the deadline of the year's review round (to put it past).</summary>
    public static Task SetReviewDeadlineAsync(this PortalFactory portal, int year, DateOnly deadline) =>
        portal.ExecAsync("UPDATE int_review_round SET \"Deadline\" = @d WHERE \"Year\" = @y", ("d", deadline), ("y", year));

    // Warning education

    public static Task<int> WarningAttendeeCountAsync(this PortalFactory portal, int sessionId) =>
        portal.IntAsync("SELECT COUNT(*) FROM int_warning_attendee WHERE \"SessionId\" = @s", ("s", sessionId));

    /// <summary>The day of the agency's latest warning-education session.</summary>
    public static Task<DateOnly> LatestWarningSessionDateAsync(this PortalFactory portal, int agencyId) =>
        portal.DateAsync("SELECT CAST(MAX(\"Date\") AS TEXT) FROM int_warning WHERE \"AgencyId\" = @a", ("a", agencyId));

    // Inspections and rectification items

    public static Task<int> InspectionCountAsync(this PortalFactory portal) => portal.IntAsync("SELECT COUNT(*) FROM int_inspection");

    public static Task<int> RectificationCountAsync(this PortalFactory portal) => portal.IntAsync("SELECT COUNT(*) FROM int_rectification");

    /// <summary>The one rectification item an inspection's finding became.</summary>
    public static Task<int> RectificationOfAsync(this PortalFactory portal, int inspectionId) =>
        portal.IntAsync("SELECT \"Id\" FROM int_rectification WHERE \"InspectionId\" = @i", ("i", inspectionId));

    public static Task<RectificationStatus> RectificationStatusAsync(this PortalFactory portal, int itemId) =>
        portal.EnumAsync<RectificationStatus>("SELECT \"Status\" FROM int_rectification WHERE \"Id\" = @id", ("id", itemId));

    // Festival calendar and reminders

    /// <summary>The festivals an agency's calendar stores for <paramref name="year"/>, or for every other year when <paramref name="otherYears"/>.</summary>
    public static Task<int> StoredFestivalCountAsync(this PortalFactory portal, int agencyId, int year, bool otherYears = false) =>
        portal.IntAsync($"SELECT COUNT(*) FROM int_festival WHERE \"AgencyId\" = @a AND \"Year\" {(otherYears ? "<>" : "=")} @y", ("a", agencyId), ("y", year));

    /// <summary>How many days before the festival its reminder goes out, as stored in the agency's calendar.</summary>
    public static Task<int> FestivalDaysBeforeAsync(this PortalFactory portal, int agencyId, int year, Festival festival) =>
        portal.IntAsync("SELECT \"DaysBefore\" FROM int_festival WHERE \"AgencyId\" = @a AND \"Year\" = @y AND \"Festival\" = @f",
            ("a", agencyId), ("y", year), ("f", (int)festival));

    /// <summary>Switches a stored festival's reminder off.</summary>
    public static Task SwitchFestivalOffAsync(this PortalFactory portal, int agencyId, int year, Festival festival) =>
        portal.ExecAsync("UPDATE int_festival SET \"Enabled\" = @off WHERE \"AgencyId\" = @a AND \"Year\" = @y AND \"Festival\" = @f",
            ("off", false), ("a", agencyId), ("y", year), ("f", (int)festival));

    /// <summary>Festival reminders recorded as sent for an agency (one row per festival and year); of one year when given.</summary>
    public static Task<int> FestivalRemindersSentAsync(this PortalFactory portal, int agencyId, int? year = null) => year is { } y
        ? portal.IntAsync("SELECT COUNT(*) FROM int_festival_sent WHERE \"AgencyId\" = @a AND \"Year\" = @y", ("a", agencyId), ("y", y))
        : portal.IntAsync("SELECT COUNT(*) FROM int_festival_sent WHERE \"AgencyId\" = @a", ("a", agencyId));

    /// <summary>The table the festival job writes what it sent to (a test on PostgreSQL locks it to hold the job).</summary>
    public const string FestivalSentTable = "int_festival_sent";

    /// <summary>Rows in every table of the module, all agencies together.</summary>
    public static Task<Dictionary<string, int>> IntegrityRowsAsync(this PortalFactory portal) => portal.RowsPerTableAsync("int_");
}
