namespace Modular.Modules.Volunteer.Services;

/// <summary>The fields of the activity form.</summary>
public sealed class ActivityForm
{
    public string? Title { get; set; }
    public ActivityKind Kind { get; set; } = ActivityKind.LeiFeng;
    public string? Place { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public int? Capacity { get; set; }
    public DateTime? SignUpDeadline { get; set; }
    public int? OrganizerMemberId { get; set; }
    public int? OrganizationId { get; set; }
    public int? PartnerId { get; set; }
    public bool CountsAsThemePartyDay { get; set; }
    public string? Description { get; set; }
    public long Version { get; set; }

    public ActivityRules.Input ToRules() => new(Title, Place, StartsAt, EndsAt, Capacity, SignUpDeadline, OrganizerMemberId);

    public static ActivityForm From(Activity a) => new()
    {
        Title = a.Title, Kind = a.Kind, Place = a.Place, StartsAt = a.StartsAt, EndsAt = a.EndsAt, Capacity = a.Capacity,
        SignUpDeadline = a.SignUpDeadline, OrganizerMemberId = a.OrganizerMemberId, OrganizationId = a.OrganizationId,
        PartnerId = a.PartnerId, CountsAsThemePartyDay = a.CountsAsThemePartyDay, Description = a.Description, Version = a.Version,
    };

    public void ApplyTo(Activity a)
    {
        a.Title = Title!.Trim();
        a.Kind = Kind;
        a.Place = Place!.Trim();
        a.StartsAt = StartsAt!.Value;
        a.EndsAt = EndsAt!.Value;
        a.Capacity = Capacity!.Value;
        a.SignUpDeadline = SignUpDeadline!.Value;
        a.OrganizerMemberId = OrganizerMemberId!.Value;
        a.OrganizationId = OrganizationId;
        a.PartnerId = PartnerId;
        a.CountsAsThemePartyDay = CountsAsThemePartyDay;
        a.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
    }
}

public enum EditOutcome { Saved, NotFound, NotEditable, Stale, Invalid }

public sealed record EditResult(EditOutcome Outcome, int? Id = null, IReadOnlyList<Problem>? Problems = null);

/// <summary>Creating, editing and moving activities through their states; changes that touch places hold the places lock.</summary>
public sealed class ActivityEditor(VolunteerDbContext db, Places places, IAgencyClock clock, IStringLocalizer<VolunteerModule> T)
{
    public async Task<EditResult> CreateAsync(ActivityForm form, CancellationToken ct = default)
    {
        var problems = ActivityRules.Validate(form.ToRules());
        if (problems.Count > 0) return new EditResult(EditOutcome.Invalid, Problems: problems);
        var activity = new Activity { Status = ActivityStatus.Draft, CreatedAt = clock.LocalNow };
        form.ApplyTo(activity);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return new EditResult(EditOutcome.Saved, activity.Id);
    }

    /// <summary>Edits a draft or published activity; a larger capacity gives places to those waiting.</summary>
    public async Task<EditResult> UpdateAsync(int id, ActivityForm form, CancellationToken ct = default)
    {
        try
        {
            return await places.WithLockAsync(id, new EditResult(EditOutcome.NotFound), async activity =>
            {
                if (!ActivityRules.CanEdit(activity.Status)) return new EditResult(EditOutcome.NotEditable, id);
                if (activity.Version != form.Version) return new EditResult(EditOutcome.Stale, id);
                var accepted = await db.SignUps.CountAsync(s => s.ActivityId == id && s.Status == SignUpStatus.Accepted, ct);
                var problems = ActivityRules.Validate(form.ToRules(), accepted);
                if (problems.Count > 0) return new EditResult(EditOutcome.Invalid, id, problems);
                db.Entry(activity).Property(a => a.Version).OriginalValue = form.Version;
                form.ApplyTo(activity);
                await db.SaveChangesAsync(ct);
                await places.FillFreedPlacesAsync(activity, ct);
                return new EditResult(EditOutcome.Saved, id);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EditResult(EditOutcome.Stale, id);
        }
    }

    public Task<bool> PublishAsync(int id, CancellationToken ct = default) =>
        places.WithLockAsync(id, false, activity =>
        {
            if (!ActivityRules.CanPublish(activity.Status)) return Task.FromResult(false);
            activity.Status = ActivityStatus.Published;
            return Task.FromResult(true);
        }, ct);

    /// <summary>Cancels the activity; everyone signed up or waiting is told, with the reason.</summary>
    public Task<bool> CancelAsync(int id, string? reason, CancellationToken ct = default) =>
        places.WithLockAsync(id, false, async activity =>
        {
            if (!ActivityRules.CanCancel(activity.Status)) return false;
            activity.Status = ActivityStatus.Cancelled;
            activity.CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 200)];
            var told = await db.SignUps.Where(s => s.ActivityId == id && s.Status != SignUpStatus.Cancelled).Select(s => s.MemberId).ToListAsync(ct);
            places.Tell(told, new Notice(T["Activity cancelled: {0}", activity.Title], activity.CancelReason, Places.DetailsUrl(id)));
            return true;
        }, ct);
}
