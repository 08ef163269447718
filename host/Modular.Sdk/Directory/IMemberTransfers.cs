namespace Modular.Sdk;

/// <summary>Where a transfer of membership (组织关系转接) stands. Since 1.5.0.</summary>
public enum TransferState
{
    /// <summary>Sent, waiting for the receiving side to accept or return it.</summary>
    Open = 0,
    /// <summary>Accepted: the member moved (or, for an arrival from outside the portal, was placed).</summary>
    Accepted = 1,
    /// <summary>Returned by the receiving side, with a reason; the member stays where they were.</summary>
    Returned = 2,
    /// <summary>Withdrawn by the sending side before a decision, with a reason.</summary>
    Cancelled = 3,
}

/// <summary>Which side of a transfer the current agency is on. Since 1.5.0.</summary>
public enum TransferDirection
{
    /// <summary>Transfers the agency sends (within the agency too).</summary>
    Outgoing = 0,
    /// <summary>Transfers the agency receives (within the agency too, and arrivals from outside the portal).</summary>
    Incoming = 1,
}

/// <summary>Another agency on this portal, by name only (for the destination picker). Since 1.5.0.</summary>
/// <param name="Id">The agency's id.</param>
/// <param name="Name">Its name.</param>
public sealed record PortalAgency(int Id, string Name);

/// <summary>A transfer to start, from the current agency. Since 1.5.0.</summary>
/// <param name="MemberId">The member, on the roster of the current agency.</param>
/// <param name="ToAgencyId">The receiving agency; the current agency's id (or null) for a move between its branches.</param>
/// <param name="ToOrganizationId">Within the agency: the receiving branch. Between agencies the receiving office places the member, so null.</param>
/// <param name="Date">The day it is sent (not in the future).</param>
/// <param name="ValidUntil">The last day the receiving side is expected to accept it (the letter's validity).</param>
/// <param name="DuesPaidThrough">The last day of the last month the member's dues are paid for, if known.</param>
/// <param name="LetterNumber">The introduction letter's number, if one was issued for it.</param>
/// <param name="Note">A note for the receiving side, if any.</param>
public sealed record TransferStart(int MemberId, int? ToAgencyId, int? ToOrganizationId, DateOnly Date, DateOnly ValidUntil,
    DateOnly? DuesPaidThrough = null, string? LetterNumber = null, string? Note = null);

/// <summary>A member arriving from outside the portal with an introduction letter, to be placed in the current agency. Since 1.5.0.</summary>
/// <param name="Name">Their name.</param>
/// <param name="OrganizationId">The branch of the current agency they are placed in.</param>
/// <param name="Stage">Probationary or full member.</param>
/// <param name="JoinedDate">入党日期.</param>
/// <param name="FullMemberDate">转正日期, for a full member.</param>
/// <param name="Origin">The organisation the letter comes from.</param>
/// <param name="LetterNumber">The letter's number.</param>
/// <param name="Date">The day they arrived (the letter was received).</param>
/// <param name="Gender">Their gender, if known.</param>
/// <param name="DuesPaidThrough">The last day of the last month the letter says dues are paid for.</param>
public sealed record TransferArrival(string Name, int OrganizationId, MemberStage Stage, DateOnly? JoinedDate, DateOnly? FullMemberDate,
    string Origin, string LetterNumber, DateOnly Date, Gender Gender = Gender.Unknown, DateOnly? DuesPaidThrough = null);

/// <summary>
/// A transfer as the agencies that are party to it see it. Names of organisations of the other agency are given as they
/// were when the transfer was started or decided (a snapshot), so neither side reads the other's directory. Since 1.5.0.
/// </summary>
public sealed record MemberTransferInfo
{
    /// <summary>The transfer's id.</summary>
    public int Id { get; init; }
    /// <summary>The sending agency; null for an arrival from outside the portal.</summary>
    public int? FromAgencyId { get; init; }
    /// <summary>The sending agency's name, or the origin written on an outside letter.</summary>
    public string FromName { get; init; } = "";
    /// <summary>The sending organisation (of the sending agency), if in the portal.</summary>
    public int? FromOrganizationId { get; init; }
    /// <summary>Its name.</summary>
    public string FromOrganizationName { get; init; } = "";
    /// <summary>The member's id in the sending agency (null for an arrival from outside).</summary>
    public int? FromMemberId { get; init; }
    /// <summary>The member's name.</summary>
    public string MemberName { get; init; } = "";
    /// <summary>The member's stage when sent.</summary>
    public MemberStage Stage { get; init; }
    /// <summary>The receiving agency.</summary>
    public int ToAgencyId { get; init; }
    /// <summary>Its name.</summary>
    public string ToAgencyName { get; init; } = "";
    /// <summary>The receiving organisation: asked for (within an agency) or where the member was placed; null while open between agencies.</summary>
    public int? ToOrganizationId { get; init; }
    /// <summary>Its name, if known.</summary>
    public string? ToOrganizationName { get; init; }
    /// <summary>The member's id in the receiving agency, once accepted (the same id within an agency).</summary>
    public int? ToMemberId { get; init; }
    /// <summary>Where it stands.</summary>
    public TransferState State { get; init; }
    /// <summary>The day it was sent (or the arrival registered).</summary>
    public DateOnly StartedOn { get; init; }
    /// <summary>The last day the receiving side is expected to accept it.</summary>
    public DateOnly ValidUntil { get; init; }
    /// <summary>The day it was accepted, returned or withdrawn.</summary>
    public DateOnly? DecidedOn { get; init; }
    /// <summary>Why it was returned or withdrawn.</summary>
    public string? Reason { get; init; }
    /// <summary>The introduction letter's number, if any.</summary>
    public string? LetterNumber { get; init; }
    /// <summary>The last day of the last month the member's dues are paid for, if known.</summary>
    public DateOnly? DuesPaidThrough { get; init; }
    /// <summary>The sender's note.</summary>
    public string? Note { get; init; }
    /// <summary>The member's committee posts in the sending agency, as held until the move (text kept with the transfer).</summary>
    public string? PostsHistory { get; init; }
    /// <summary>The concurrency token: a decision names the version it read.</summary>
    public long Version { get; init; }

    /// <summary>Between two branches of one agency.</summary>
    public bool IsWithinAgency => FromAgencyId == ToAgencyId;
    /// <summary>An arrival from outside the portal.</summary>
    public bool IsArrival => FromAgencyId is null;

    /// <summary>
    /// Whether the acceptance is overdue on <paramref name="today"/>: still open the day after <see cref="ValidUntil"/>
    /// (on the last valid day it is not).
    /// </summary>
    public bool IsOverdue(DateOnly today) => State == TransferState.Open && today > ValidUntil;
}

/// <summary>What a transfer request came to: the transfer's id, or the problems that refused it (nothing saved). Since 1.5.0.</summary>
/// <param name="TransferId">The transfer; null when refused.</param>
/// <param name="Problems">Why it was refused, in the user's language already; empty when done.</param>
public sealed record TransferResult(int? TransferId, IReadOnlyList<Problem> Problems)
{
    /// <summary>Whether it was done.</summary>
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Done, for <paramref name="transferId"/>.</summary>
    public static TransferResult Done(int transferId) => new(transferId, []);

    /// <summary>Refused for these problems.</summary>
    public static TransferResult Refused(params Problem[] problems) => new(null, problems);
}

/// <summary>
/// Transfers of membership (组织关系转接) between branches of an agency and between agencies of this portal, and arrivals
/// from outside it. The directory owns the member record and is the only one that moves it: a transfer takes effect
/// only when the receiving side accepts it. Each agency sees only the transfers it is a party to; each request is checked
/// against the user's scope (the sending and the receiving agency's Party office; within an agency, the receiving
/// branch's secretary or committee may accept), saved at once and audited, done or refused. Nobody accepts their own
/// agency's outgoing transfer to another agency, and nobody starts or decides a transfer of themselves.
/// On acceptance between agencies the member's record (stage, dates, personal data) goes to the receiving agency, their
/// record in the sending agency stays as transferred out, their committee posts there end, and their account's
/// membership follows them (a member of the receiving agency; no roles left in the sending one). Every module
/// registered with <c>AddMemberMovedHandler</c> that is on in the sending agency is then told (<see cref="IMemberMovedHandler"/>),
/// since 1.6.0 inside the acceptance's transaction: if one of them fails, the acceptance is refused and nothing is changed.
/// Problems name the field of the request (<c>MemberId</c>, <c>ToAgencyId</c>, <c>ToOrganizationId</c>, <c>Date</c>,
/// <c>ValidUntil</c>, <c>Reason</c>, <c>OrganizationId</c>, <c>Name</c>, <c>Stage</c>, <c>Origin</c>, <c>LetterNumber</c>).
/// Since 1.5.0.
/// </summary>
public interface IMemberTransfers
{
    /// <summary>The portal's other active agencies, by name only: the destinations of a transfer.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    Task<IReadOnlyList<PortalAgency>> OtherAgenciesAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts a transfer of a member of the current agency (the Party office only). Refused while the member has another open transfer.</summary>
    /// <param name="moduleId">The calling module's id, for the audit log.</param>
    /// <param name="start">Who, where to, when and until when.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    Task<TransferResult> StartAsync(string moduleId, TransferStart start, CancellationToken cancellationToken = default);

    /// <summary>
    /// Accepts an open transfer to the current agency and moves the member into <paramref name="organizationId"/> (a branch
    /// of the current agency; within an agency the branch asked for, or another the user manages) on <paramref name="date"/>.
    /// </summary>
    /// <param name="moduleId">The calling module's id, for the audit log.</param>
    /// <param name="transferId">The transfer.</param>
    /// <param name="organizationId">Where the member is placed.</param>
    /// <param name="date">The day of acceptance (not before the transfer was sent, not in the future).</param>
    /// <param name="version">The version of the transfer the user decided on.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    Task<TransferResult> AcceptAsync(string moduleId, int transferId, int organizationId, DateOnly date, long version, CancellationToken cancellationToken = default);

    /// <summary>Returns an open transfer to the current agency to its sender with a reason; the member stays where they were.</summary>
    /// <param name="moduleId">The calling module's id, for the audit log.</param>
    /// <param name="transferId">The transfer.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="version">The version of the transfer the user decided on.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    Task<TransferResult> ReturnAsync(string moduleId, int transferId, string reason, long version, CancellationToken cancellationToken = default);

    /// <summary>Withdraws an open transfer the current agency sent, with a reason.</summary>
    /// <param name="moduleId">The calling module's id, for the audit log.</param>
    /// <param name="transferId">The transfer.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="version">The version of the transfer the user decided on.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    Task<TransferResult> CancelAsync(string moduleId, int transferId, string reason, long version, CancellationToken cancellationToken = default);

    /// <summary>Registers a member arriving from outside the portal and places them (the Party office only); recorded as an accepted incoming transfer.</summary>
    /// <param name="moduleId">The calling module's id, for the audit log.</param>
    /// <param name="arrival">Who, from where, with which letter, placed where.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    Task<TransferResult> RegisterArrivalAsync(string moduleId, TransferArrival arrival, CancellationToken cancellationToken = default);

    /// <summary>One transfer the current agency is a party to and the user may see; null otherwise.</summary>
    /// <param name="transferId">The transfer.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    Task<MemberTransferInfo?> GetAsync(int transferId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The transfers of the current agency on one side, newest first, as far as the user may see them (the Party office all;
    /// a secretary or committee member those of their organisations), of one state or all.
    /// </summary>
    /// <param name="direction">Sent or received.</param>
    /// <param name="state">One state, or null for all.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    Task<IReadOnlyList<MemberTransferInfo>> ListAsync(TransferDirection direction, TransferState? state = null, CancellationToken cancellationToken = default);

    /// <summary>The signed-in user's own transfers (sent from or received into the current agency), newest first.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    Task<IReadOnlyList<MemberTransferInfo>> MineAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the user may decide on (accept or return) <paramref name="transfer"/>.</summary>
    /// <param name="transfer">A transfer read through this service.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    Task<bool> MayDecideAsync(MemberTransferInfo transfer, CancellationToken cancellationToken = default);
}
