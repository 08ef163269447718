using System.Globalization;

namespace Modular.Modules.Integrity.Services;

/// <summary>
/// The agency's festival calendar: a year's key dates. Until the office saves a date or the reminder job runs, the year's
/// calendar is the defaults, computed in memory (pages that show it write nothing).
/// </summary>
public sealed class FestivalPlanner(IntegrityDbContext db, IModuleSettings settings)
{
    /// <summary>The year's calendar as stored, or its defaults (not stored, <c>Version</c> 0) when none is.</summary>
    public async Task<List<FestivalDate>> ForYearAsync(int year, CancellationToken ct)
    {
        var dates = await db.FestivalDates.AsNoTracking().Where(f => f.Year == year).OrderBy(f => f.Date).ToListAsync(ct);
        return dates.Count > 0 || !FestivalCalendar.Supports(year) ? dates : Defaults(year);
    }

    /// <summary>Stores the year's default calendar unless one is stored already; true when it was stored by this call.</summary>
    public async Task<bool> StoreYearAsync(int year, CancellationToken ct)
    {
        if (!FestivalCalendar.Supports(year) || await db.FestivalDates.AnyAsync(f => f.Year == year, ct)) return false;
        db.FestivalDates.AddRange(Defaults(year));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request stored the year's calendar at the same moment (unique index): that one stands.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private List<FestivalDate> Defaults(int year)
    {
        var days = Math.Clamp(settings.GetInt(IntegrityModule.Id, IntegrityModule.ReminderDaysSetting), 0, 30);
        return Enum.GetValues<Festival>()
            .Select(f => new FestivalDate { Year = year, Festival = f, Date = FestivalCalendar.DefaultDate(f, year), DaysBefore = days, Text = FestivalCalendar.DefaultText })
            .OrderBy(f => f.Date).ToList();
    }

    /// <summary>True on the days from <c>DaysBefore</c> before the festival up to the festival itself.</summary>
    public static bool IsDue(FestivalDate f, DateOnly today) => f.Enabled && today >= f.Date.AddDays(-f.DaysBefore) && today <= f.Date;
}

/// <summary>
/// Sends every member of the agency the reminder of the eight-point rules, from the set number of days before each
/// festival: once per festival, year and agency (the sent record is written first; a unique index backs it).
/// </summary>
public sealed class FestivalReminderJob(IntegrityDbContext db, FestivalPlanner festivals, PeopleLookup people, INotifications notifications,
    IAgencyClock clock, IStringLocalizer<IntegrityModule> T) : IScheduledJob
{
    public string ModuleId => IntegrityModule.Id;
    public string Name => "festival-reminders";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var today = clock.DateOf(now);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            // Next year's calendar too: New Year's Day is reminded in December.
            foreach (var year in new[] { today.Year, today.Year + 1 })
            {
                await festivals.StoreYearAsync(year, ct);
                foreach (var f in (await festivals.ForYearAsync(year, ct)).Where(f => FestivalPlanner.IsDue(f, today)))
                {
                    if (await db.FestivalReminders.AnyAsync(r => r.Year == f.Year && r.Festival == f.Festival, ct)) continue;
                    var members = (await people.CurrentMembersAsync(ct)).Keys.ToList();
                    var sent = db.FestivalReminders.Add(new FestivalReminder { Year = f.Year, Festival = f.Festival, SentAt = now, Recipients = members.Count }).Entity;
                    try
                    {
                        await db.SaveChangesAsync(ct);
                    }
                    catch (DbUpdateException)
                    {
                        db.ChangeTracker.Clear();
                        continue;
                    }
                    try
                    {
                        var title = T["Festival integrity reminder: {0}", T[Labels.Festival(f.Festival)].Value].Value;
                        await notifications.SendAsync(IntegrityModule.Id, members, new Notice(title, f.Text, IntegrityModule.Links.Page("/Festivals")), ct);
                    }
                    catch
                    {
                        // Not sent: drop the record so that the next run tries again.
                        db.FestivalReminders.Remove(sent);
                        await db.SaveChangesAsync(CancellationToken.None);
                        throw;
                    }
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
