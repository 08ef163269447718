namespace Modular.Modules.Transfers;

/// <summary>
/// To-do entries: transfers waiting for the user's decision (due on their last valid day), transfers sent and not accepted
/// within their validity (both offices see them from the day after), and the office's pocket members.
/// </summary>
public sealed class TransfersTodo(IMemberTransfers transfers, TransfersAccess access, TransfersDbContext db, PeopleLookup people, IAgencyClock clock,
    IStringLocalizer<TransfersModule> T) : ITodoProvider
{
    public string ModuleId => TransfersModule.Id;
    public string? Permission => TransfersModule.ViewPermission;
    // Reads this agency's data, the user and the clock; a transfer to or from it stamps both agencies.
    public bool Cacheable => true;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken)
    {
        if (!await access.WorksOnTransfersAsync(cancellationToken)) return [];
        var today = clock.Today;
        var items = new List<TodoItem>();
        foreach (var t in await transfers.ListAsync(TransferDirection.Incoming, TransferState.Open, cancellationToken))
            if (await transfers.MayDecideAsync(t, cancellationToken))
                items.Add(new TodoItem(T["Accept or return the transfer of {0} from {1}", t.MemberName, t.IsWithinAgency ? t.FromOrganizationName : t.FromName],
                    TransfersModule.Links.Page($"/Details/{t.Id}"), t.ValidUntil));
        if (!await access.IsOfficeAsync(cancellationToken)) return items;
        foreach (var t in (await transfers.ListAsync(TransferDirection.Outgoing, TransferState.Open, cancellationToken)).Where(t => t.IsOverdue(today) && !t.IsWithinAgency))
            items.Add(new TodoItem(T["The transfer of {0} to {1} was not accepted within its validity", t.MemberName, t.ToAgencyName],
                TransfersModule.Links.Page($"/Details/{t.Id}"), t.ValidUntil));
        var pocket = await db.Letters.AsNoTracking().Where(l => l.Status == LetterStatus.Issued && l.ValidUntil < today)
            .OrderBy(l => l.ValidUntil).Take(50).ToListAsync(cancellationToken);
        var names = await people.NamesAsync(pocket.Select(l => l.MemberId), cancellationToken);
        items.AddRange(pocket.Select(l => new TodoItem(T["Pocket member {0}: letter {1} has no return slip", names.TryGetValue(l.MemberId, out var m) ? m.Name : "—", l.Number],
            TransfersModule.Links.Page($"/Letters/Details/{l.Id}"), l.ValidUntil)));
        return items;
    }
}

/// <summary>Dashboard card of the office and the branch committees: open transfers each way, pocket members, mobile members.</summary>
public sealed class TransfersWidget(IMemberTransfers transfers, TransfersAccess access, TransfersDbContext db, IAgencyClock clock) : IDashboardWidget
{
    public string ModuleId => TransfersModule.Id;
    public string? Permission => TransfersModule.ViewPermission;
    // Reads this agency's data, the user and the clock; a transfer to or from it stamps both agencies.
    public bool Cacheable => true;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken)
    {
        if (!await access.WorksOnTransfersAsync(cancellationToken)) return null;
        var today = clock.Today;
        var incoming = await transfers.ListAsync(TransferDirection.Incoming, TransferState.Open, cancellationToken);
        var outgoing = await transfers.ListAsync(TransferDirection.Outgoing, TransferState.Open, cancellationToken);
        var metrics = new List<WidgetMetric>
        {
            new(new LocalizedText("待接收", "To accept"), incoming.Count.ToString(), incoming.Any(t => t.IsOverdue(today)) ? Tone.Danger : Tone.Neutral,
                TransfersModule.Links.Page("/Index", new { direction = TransferDirection.Incoming })),
            new(new LocalizedText("已转出待接收", "Sent, not yet accepted"), outgoing.Count.ToString(), outgoing.Any(t => t.IsOverdue(today)) ? Tone.Warning : Tone.Neutral,
                TransfersModule.Links.Page("/Index", new { direction = TransferDirection.Outgoing })),
        };
        if (await access.IsOfficeAsync(cancellationToken))
        {
            var pocket = await db.Letters.CountAsync(l => l.Status == LetterStatus.Issued && l.ValidUntil < today, cancellationToken);
            var mobile = await db.MobileMembers.CountAsync(m => m.EndedOn == null, cancellationToken);
            metrics.Add(new(new LocalizedText("口袋党员", "Pocket members"), pocket.ToString(), pocket > 0 ? Tone.Danger : Tone.Good, TransfersModule.Links.Page("/Pocket")));
            metrics.Add(new(new LocalizedText("流动党员", "Mobile members"), mobile.ToString(), Tone.Neutral, TransfersModule.Links.Page("/Mobile")));
        }
        return new WidgetContent(new LocalizedText("组织关系转接", "Transfers"), TransfersModule.Links.Home) { Metrics = metrics };
    }
}
