namespace Modular.Modules.Transfers.Services;

/// <summary>Who works on transfers here (the office, a branch committee), and the agency's validity setting.</summary>
public sealed class TransfersAccess(ICurrentMember me, IModuleSettings settings)
{
    /// <summary>The Party office: the whole agency.</summary>
    public async Task<bool> IsOfficeAsync(CancellationToken ct = default) => (await me.GetScopeAsync(ct)).AgencyWide;

    /// <summary>The office, or a committee member of some organisation (decides on transfers into it).</summary>
    public async Task<bool> WorksOnTransfersAsync(CancellationToken ct = default) =>
        (await me.GetScopeAsync(ct)) is var scope && (scope.AgencyWide || scope.OrganizationIds.Count > 0);

    /// <summary>The validity in months the agency set (3 unless set).</summary>
    public int ValidityMonths => settings.GetInt(TransfersModule.Id, TransfersModule.ValiditySetting) is var m and >= Validity.MinMonths and <= Validity.MaxMonths
        ? m : Validity.DefaultMonths;

    /// <summary>The last valid day of something issued on <paramref name="issued"/>.</summary>
    public DateOnly ValidUntil(DateOnly issued) => Validity.LastDay(issued, ValidityMonths);
}

/// <summary>
/// The month a member's dues are paid to, from the dues module's shared record <c>dues.paid-through</c> (Id = member id,
/// Date = the last day of the last paid month) when that module answers; otherwise the office enters it.
/// </summary>
public sealed class DuesLookup(ISharedRecords shared)
{
    public const string Kind = "dues.paid-through";

    public bool Available => shared.IsAvailable(Kind);

    public async Task<DateOnly?> PaidThroughAsync(int memberId, CancellationToken ct = default)
    {
        if (!Available) return null;
        var key = memberId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (await shared.GetAsync(Kind, [key], ct)).TryGetValue(key, out var record) ? record.Date : null;
    }
}

/// <summary>The transfers list shows to branch committees too (they decide on transfers into their branch).</summary>
public sealed class CommitteeSeesTransfers(TransfersAccess access) : IMenuItemCheck
{
    public string ModuleId => TransfersModule.Id;
    public string MenuItemId => "transfers-index";
    public Task<bool> ShowsAsync(CancellationToken cancellationToken = default) => access.WorksOnTransfersAsync(cancellationToken);
}

/// <summary>"My transfer" shows only to a member who has a transfer or a letter.</summary>
public sealed class MemberSeesOwnTransfer(IMemberTransfers transfers, TransfersDbContext db, ICurrentMember me) : IMenuItemCheck
{
    public string ModuleId => TransfersModule.Id;
    public string MenuItemId => "transfers-mine";
    public bool Decides => true;

    public async Task<bool> ShowsAsync(CancellationToken cancellationToken = default) =>
        (await transfers.MineAsync(cancellationToken)).Count > 0
        || (await me.IdAsync(cancellationToken) is { } id && await db.Letters.AnyAsync(l => l.MemberId == id, cancellationToken));
}
