using Modular.Sdk;

namespace Modular.Modules.Supervision.Domain;

/// <summary>
/// The shared records a task may name as its proof, with the finer types a task may ask for. The kinds and types are the
/// spellings the source modules publish (SDK <c>SharedRecordKinds</c>, the glossary's meeting types); a kind whose module
/// is off simply proves nothing until it is on again.
/// </summary>
public static class RecordKinds
{
    public sealed record TypeChoice(string Value, string Label);

    /// <summary>Meeting types of org-life (the glossary's code names), as org-life's shared meetings carry them.</summary>
    public static readonly IReadOnlyList<TypeChoice> MeetingTypes =
    [
        new("BranchMembersMeeting", "Branch members' meeting"),
        new("BranchCommitteeMeeting", "Branch committee meeting"),
        new("PartyGroupMeeting", "Party group meeting"),
        new("PartyLecture", "Party lecture"),
        new("ThemePartyDay", "Theme Party day"),
        new("OrganizationalLifeMeeting", "Organisational life meeting"),
    ];

    /// <summary>The types a kind offers (only org-life's meetings have them).</summary>
    public static IReadOnlyList<TypeChoice> TypesOf(string? kind) => kind == SharedRecordKinds.OrgLifeMeeting ? MeetingTypes : [];

    /// <summary>The English resource key of a type's label, or the value itself.</summary>
    public static string TypeLabel(string? type) => MeetingTypes.FirstOrDefault(t => t.Value == type)?.Label ?? type ?? "";
}
