using System.Data.Common;

namespace Modular.Modules.Volunteer.Services;

public enum PlaceOutcome { Accepted, Waiting, AlreadySignedUp, Closed, NotFound, Cancelled, NotSignedUp, TooLate }

/// <param name="Position">On the waiting list: how many wait ahead, plus one.</param>
public sealed record PlaceResult(PlaceOutcome Outcome, int? Position = null);

/// <summary>
/// Places of an activity, exact under any number of simultaneous requests and any number of instances.
/// Every change to an activity's places runs in a transaction that first writes the activity's row
/// (<see cref="Activity.PlacesStamp"/> + 1). That write is the lock: on PostgreSQL it takes the row lock, on SQLite
/// the database's writer lock, and both are held until commit, so the counting and the sign-up that follow
/// see every earlier change and no later one can slip in between. Transient failures (SQLite busy, a
/// PostgreSQL deadlock or serialisation failure) roll back and retry.
/// In front of the database lock, an in-process gate (striped by activity) lets one request of this instance at a
/// time wait for it: a hundred requests for one activity then wait without each holding a pooled connection,
/// which would starve the pool (the audit lines written at commit need a connection of their own).
/// </summary>
public sealed class Places(VolunteerDbContext db, IAgencyClock clock, INotifications notifications, IStringLocalizer<VolunteerModule> T,
    VolunteerMetrics metrics, ICurrentAgency agency)
{
    // Messages decided inside a locked change, sent once it has committed (and dropped if it rolls back).
    private readonly List<(IReadOnlyList<int> Members, Notice Notice)> _outbox = [];

    /// <summary>Tells members something once the current locked change commits.</summary>
    public void Tell(IReadOnlyList<int> memberIds, Notice notice)
    {
        if (memberIds.Count > 0) _outbox.Add((memberIds, notice));
    }

    public static string DetailsUrl(int activityId) => VolunteerModule.Links.Page($"/Activities/Details/{activityId}");

    private const int Attempts = 8;

    /// <summary>Runs <paramref name="work"/> holding the activity's places lock; its changes are saved and committed together.</summary>
    /// <param name="notFound">The answer when the activity does not exist in the current agency.</param>
    public async Task<T> WithLockAsync<T>(int activityId, T notFound, Func<Activity, Task<T>> work, CancellationToken ct = default)
    {
        var gate = Gates[(activityId & int.MaxValue) % Gates.Length];
        await gate.WaitAsync(ct);
        try
        {
            return await LockedAsync(activityId, notFound, work, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly SemaphoreSlim[] Gates = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    private async Task<T> LockedAsync<T>(int activityId, T notFound, Func<Activity, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            _outbox.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                // The agency filter applies here too: another agency's activity is simply not found.
                var locked = await db.Activities.Where(a => a.Id == activityId)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.PlacesStamp, a => a.PlacesStamp + 1), ct);
                if (locked == 0) return notFound;
                var activity = await db.Activities.SingleAsync(a => a.Id == activityId, ct);
                var result = await work(activity);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                foreach (var (members, notice) in _outbox) await notifications.SendAsync(VolunteerModule.Id, members, notice, ct);
                _outbox.Clear();
                return result;
            }
            catch (Exception ex) when (attempt < Attempts && IsTransient(ex))
            {
                await tx.RollbackAsync(CancellationToken.None);
                await Task.Delay(Random.Shared.Next(10, 40) * attempt, ct);
            }
        }
    }

    private static bool IsTransient(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true }) return true;
            // SQLite: SQLITE_BUSY (5) and SQLITE_LOCKED (6) when the busy timeout ran out.
            if (e is DbException db && e.GetType().Name == "SqliteException" && db.ErrorCode is 5 or 6) return true;
            if (e.GetType().Name == "SqliteException" && e.Message.Contains("database is locked", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>A member signs up (or the organiser adds them): a place while there is one, else the end of the waiting list.</summary>
    public async Task<PlaceResult> SignUpAsync(int activityId, int memberId, bool byOrganizer, CancellationToken ct = default)
    {
        var result = await SignUpLockedAsync(activityId, memberId, byOrganizer, ct);
        // Counted once committed: a retried attempt is one sign-up.
        if (result.Outcome == PlaceOutcome.Waiting) metrics.NoPlace(agency.Id);
        return result;
    }

    private async Task<PlaceResult> SignUpLockedAsync(int activityId, int memberId, bool byOrganizer, CancellationToken ct) =>
        await WithLockAsync(activityId, new PlaceResult(PlaceOutcome.NotFound), async activity =>
        {
            var now = clock.LocalNow;
            var open = byOrganizer
                ? SignUpRules.OrganizerMayAdd(activity.Status, activity.EndsAt, now)
                : SignUpRules.IsOpen(activity.Status, activity.SignUpDeadline, now);
            if (!open) return new PlaceResult(PlaceOutcome.Closed);
            var existing = await db.SignUps.FirstOrDefaultAsync(s => s.ActivityId == activityId && s.MemberId == memberId, ct);
            if (existing is { Status: not SignUpStatus.Cancelled }) return new PlaceResult(PlaceOutcome.AlreadySignedUp);
            var accepted = await db.SignUps.CountAsync(s => s.ActivityId == activityId && s.Status == SignUpStatus.Accepted, ct);
            var signUp = existing ?? db.SignUps.Add(new SignUp { ActivityId = activityId, MemberId = memberId }).Entity;
            signUp.Status = accepted < activity.Capacity ? SignUpStatus.Accepted : SignUpStatus.Waiting;
            signUp.Sequence = activity.PlacesStamp;
            signUp.SignedUpAt = now;
            signUp.AddedByOrganizer = byOrganizer;
            if (signUp.Status == SignUpStatus.Accepted) return new PlaceResult(PlaceOutcome.Accepted);
            var ahead = await db.SignUps.CountAsync(s => s.ActivityId == activityId && s.Status == SignUpStatus.Waiting && s.MemberId != memberId, ct);
            return new PlaceResult(PlaceOutcome.Waiting, ahead + 1);
        }, ct);

    /// <summary>A member gives up their place (before the deadline; the organiser at any time before the end); the first waiting takes it.</summary>
    public async Task<PlaceResult> CancelAsync(int activityId, int memberId, bool byOrganizer, CancellationToken ct = default) =>
        await WithLockAsync(activityId, new PlaceResult(PlaceOutcome.NotFound), async activity =>
        {
            var signUp = await db.SignUps.FirstOrDefaultAsync(s => s.ActivityId == activityId && s.MemberId == memberId && s.Status != SignUpStatus.Cancelled, ct);
            if (signUp is null) return new PlaceResult(PlaceOutcome.NotSignedUp);
            var now = clock.LocalNow;
            var allowed = byOrganizer
                ? SignUpRules.OrganizerMayAdd(activity.Status, activity.EndsAt, now)
                : activity.Status == ActivityStatus.Published && SignUpRules.MayCancel(signUp.Status, activity.SignUpDeadline, now);
            if (!allowed) return new PlaceResult(PlaceOutcome.TooLate);
            signUp.Status = SignUpStatus.Cancelled;
            await db.SaveChangesAsync(ct);
            await FillFreedPlacesAsync(activity, ct);
            return new PlaceResult(PlaceOutcome.Cancelled);
        }, ct);

    /// <summary>Gives free places to those waiting, in the order they signed up, and tells them. Call inside <see cref="WithLockAsync"/>.</summary>
    public async Task<int> FillFreedPlacesAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Status != ActivityStatus.Published) return 0;
        var accepted = await db.SignUps.CountAsync(s => s.ActivityId == activity.Id && s.Status == SignUpStatus.Accepted, ct);
        var free = activity.Capacity - accepted;
        if (free <= 0) return 0;
        var next = await db.SignUps.Where(s => s.ActivityId == activity.Id && s.Status == SignUpStatus.Waiting)
            .OrderBy(s => s.Sequence).ThenBy(s => s.Id).Take(free).ToListAsync(ct);
        foreach (var s in next) s.Status = SignUpStatus.Accepted;
        Tell(next.Select(s => s.MemberId).ToList(), new Notice(T["A place came free for you: {0}", activity.Title],
            $"{activity.StartsAt:yyyy-MM-dd HH:mm} {activity.Place}", DetailsUrl(activity.Id)));
        return next.Count;
    }
}
