using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Sdk;

/// <summary>
/// A module offers some of its records to other modules (enter once: a volunteer activity is linked from civilization
/// creation instead of being typed again). Register with <c>services.AddSharedRecordSource&lt;T&gt;()</c>; other modules
/// reach it only through <see cref="ISharedRecords"/>, which asks a source only while its module is on for the agency.
/// </summary>
public interface ISharedRecordSource
{
    /// <summary>Owning module id.</summary>
    string ModuleId { get; }
    /// <summary>"&lt;module-id&gt;.&lt;record&gt;", e.g. <c>volunteer.activity</c>; stored by consumers with the id.</summary>
    string Kind { get; }
    /// <summary>What the records are called in a picker (志愿服务活动).</summary>
    LocalizedText Name { get; }
    /// <summary>Permission the user needs to see these records, if any.</summary>
    string? Permission => null;
    /// <summary>Records of the current agency, newest first, at most <see cref="SharedRecordQuery.Take"/>.</summary>
    Task<IReadOnlyList<SharedRecord>> SearchAsync(SharedRecordQuery query, CancellationToken cancellationToken);
    /// <summary>The records of the current agency with these ids (unknown ids are left out).</summary>
    Task<IReadOnlyList<SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}

/// <summary>Which shared records to search for.</summary>
/// <param name="From">Records on or after this date, if given.</param>
/// <param name="To">Records on or before this date, if given.</param>
/// <param name="Text">Words the title contains, if given.</param>
/// <param name="Take">At most this many records.</param>
public sealed record SharedRecordQuery(DateOnly? From = null, DateOnly? To = null, string? Text = null, int Take = 50);

/// <summary>What a consumer may show of another module's record: a snapshot it can keep, and a link while the source is on.</summary>
public sealed record SharedRecord(string Kind, string Id, string Title, DateOnly Date, string? Place = null, string? Url = null, string? Summary = null)
{
    /// <summary>The organisation the record belongs to (a directory id: the branch that held a meeting), if any. Since 1.4.0.</summary>
    public int? OrganizationId { get; init; }
    /// <summary>A finer type within the kind, e.g. <see cref="SharedRecordTypes.ThemePartyDay"/> for a meeting. Since 1.4.0.</summary>
    public string? Type { get; init; }
    /// <summary>How many were expected and came, when the record has attendance. Since 1.4.0.</summary>
    public SharedAttendance? Attendance { get; init; }
    /// <summary>
    /// Who was expected and who came (directory member ids), only where the source lets the current user see people
    /// (each source documents its rule); null otherwise, when <see cref="Attendance"/> still gives the counts. Since 1.4.0.
    /// </summary>
    public IReadOnlyList<SharedAttendee>? Attendees { get; init; }
}

/// <summary>Attendance counts of a shared record (nobody types them again). Since 1.4.0.</summary>
/// <param name="Expected">Expected to attend (应到).</param>
/// <param name="Present">Attended (实到).</param>
/// <param name="Leave">Absent with leave (请假).</param>
public sealed record SharedAttendance(int Expected, int Present, int Leave = 0);

/// <summary>One person expected at a shared record, and whether they came. Since 1.4.0.</summary>
/// <param name="MemberId">The directory member id.</param>
/// <param name="Present">Whether they attended.</param>
public sealed record SharedAttendee(int MemberId, bool Present);

/// <summary>The kinds of shared records the first-party modules offer: one spelling for source and consumers. Since 1.4.0.</summary>
public static class SharedRecordKinds
{
    /// <summary>Org-life's held meetings (三会一课, theme Party days...), with type, branch and attendance.</summary>
    public const string OrgLifeMeeting = "org-life.meeting";
    /// <summary>Volunteer activities (published or finished), with attendance.</summary>
    public const string VolunteerActivity = "volunteer.activity";
    /// <summary>Finished volunteer activities that count as a branch's theme Party day (计为主题党日); the branch is <see cref="SharedRecord.OrganizationId"/>.</summary>
    public const string VolunteerThemeDay = "volunteer.theme-day";
    /// <summary>
    /// Dues' paid-through month of each member (党费交至): one record per member, <see cref="SharedRecord.Id"/> the member id
    /// as a string, <see cref="SharedRecord.Title"/> the name, <see cref="SharedRecord.Date"/> the last day of the last month
    /// paid without a gap, <see cref="SharedRecord.OrganizationId"/> the branch. For transfer letters. Since 1.5.0.
    /// </summary>
    public const string DuesPaidThrough = "dues.paid-through";
    /// <summary>
    /// Integrity's warning-education sessions (警示教育) held, with attendance; <see cref="SharedRecord.OrganizationId"/> the
    /// organisation whose roster attended (null for the whole agency). Since 1.6.0.
    /// </summary>
    public const string IntegrityWarningEducation = "integrity.warning-education";
    /// <summary>
    /// Study's tests (online quizzes), dated by the day they open, with <see cref="SharedRecord.Attendance"/> as takers
    /// expected and tests submitted; <see cref="SharedRecord.Type"/> is <see cref="SharedRecordTypes.IntegrityKnowledgeTest"/>
    /// for a test the office marked as integrity's knowledge test (the hundred Party rules). Since 1.6.0.
    /// </summary>
    public const string StudyTest = "study.test";
}

/// <summary>Values of <see cref="SharedRecord.Type"/> that more than one module reads. Since 1.4.0.</summary>
public static class SharedRecordTypes
{
    /// <summary>A theme Party day (主题党日).</summary>
    public const string ThemePartyDay = "ThemePartyDay";
    /// <summary>A test that counts as integrity education's knowledge test (廉政知识测试). Since 1.6.0.</summary>
    public const string IntegrityKnowledgeTest = "IntegrityKnowledgeTest";
}

/// <summary>A kind of shared record that answers for the current agency and user.</summary>
/// <param name="Kind">The kind, <c>&lt;module-id&gt;.&lt;record&gt;</c>.</param>
/// <param name="ModuleId">The module that offers it.</param>
/// <param name="Name">What the records are called.</param>
public sealed record SharedRecordKind(string Kind, string ModuleId, LocalizedText Name);

/// <summary>
/// The host's view over every <see cref="ISharedRecordSource"/>: only sources whose module is on for the current agency
/// and whose permission the user holds answer; any other kind answers nothing (no error), so a consumer degrades to its
/// stored snapshot.
/// </summary>
public interface ISharedRecords
{
    /// <summary>The kinds that answer now: their module is on for the agency and the user holds their permission.</summary>
    IReadOnlyList<SharedRecordKind> AvailableKinds();
    /// <summary>Whether <paramref name="kind"/> answers now.</summary>
    bool IsAvailable(string kind) => AvailableKinds().Any(k => k.Kind == kind);
    /// <summary>Records of <paramref name="kind"/> matching <paramref name="query"/>; empty when the kind does not answer.</summary>
    Task<IReadOnlyList<SharedRecord>> SearchAsync(string kind, SharedRecordQuery query, CancellationToken cancellationToken = default);
    /// <summary>Records of <paramref name="kind"/> by id (unknown ids left out); empty when the kind does not answer.</summary>
    Task<IReadOnlyDictionary<string, SharedRecord>> GetAsync(string kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);
}

/// <summary>Registers a module's shared record sources.</summary>
public static class SharedRecordServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TSource"/> (scoped); its <see cref="ISharedRecordSource.ModuleId"/> must be the module's own id.</summary>
    public static IServiceCollection AddSharedRecordSource<TSource>(this IServiceCollection services)
        where TSource : class, ISharedRecordSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ISharedRecordSource, TSource>());
        return services;
    }
}
