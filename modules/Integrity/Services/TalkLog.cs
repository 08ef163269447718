namespace Modular.Modules.Integrity.Services;

/// <summary>Reads integrity talks for those allowed, and writes every view of one to the audit log (by id, never the summary).</summary>
public sealed class TalkLog(IntegrityDbContext db, IntegrityAccess access, IAuditLog audit)
{
    public async Task<IntegrityTalk?> ViewAsync(int id, CancellationToken ct)
    {
        if (!await access.CanSeeTalksAsync(ct)) return null;
        var talk = await db.Talks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (talk is not null) await audit.WriteAsync("integrity.talk.view", $"IntegrityTalk#{talk.Id}", cancellationToken: ct);
        return talk;
    }

    /// <summary>The list shows summaries too, so it is a view of each talk on the page: one audit line names them.</summary>
    public Task AuditListAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        return list.Count == 0 ? Task.CompletedTask : audit.WriteAsync("integrity.talk.list", "IntegrityTalk", string.Join(",", list.Select(i => "#" + i)), cancellationToken: ct);
    }
}
