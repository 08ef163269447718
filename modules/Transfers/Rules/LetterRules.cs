using Modular.Modules.Transfers.Domain;
using Modular.Sdk;

namespace Modular.Modules.Transfers.Rules;

/// <summary>What a letter needs, and when a letter makes its member a pocket member (口袋党员).</summary>
public static class LetterRules
{
    public const int DestinationLength = 200;
    public const int NoteLength = 500;

    /// <summary>
    /// A letter to issue: a destination, issued today or before, a validity of 1 to 12 months, and the dues month (when
    /// given as text) a real month not later than a year after the issue.
    /// </summary>
    public static List<Problem> Issue(string? destination, DateOnly? issuedOn, int? validityMonths, string? duesMonth, DateOnly today)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(destination)) problems.Add(new("Destination", "Enter where the member's membership goes."));
        else if (destination.Trim().Length > DestinationLength) problems.Add(new("Destination", "The text can be at most {0} characters.", DestinationLength));
        if (issuedOn is null) problems.Add(new("IssuedOn", "Enter the date."));
        else if (issuedOn > today) problems.Add(new("IssuedOn", "The date cannot be in the future."));
        if (validityMonths is not (>= Validity.MinMonths and <= Validity.MaxMonths))
            problems.Add(new("ValidityMonths", "The validity is {0} to {1} months.", Validity.MinMonths, Validity.MaxMonths));
        if (!string.IsNullOrWhiteSpace(duesMonth))
        {
            if (DuesMonth.Parse(duesMonth) is not { } paid) problems.Add(new("DuesMonth", "Enter the month as year and month."));
            else if (issuedOn is { } issued && paid > DuesMonth.LastDay(issued.AddYears(1))) problems.Add(new("DuesMonth", "Dues are paid at most a year ahead."));
        }
        return problems;
    }

    /// <summary>The return slip's date: not before the letter was issued, not in the future.</summary>
    public static List<Problem> Slip(DateOnly? receivedOn, DateOnly issuedOn, DateOnly today)
    {
        if (receivedOn is null) return [new("ReceivedOn", "Enter the date.")];
        if (receivedOn > today) return [new("ReceivedOn", "The date cannot be in the future.")];
        if (receivedOn < issuedOn) return [new("ReceivedOn", "The slip cannot come back before the letter was issued ({0:yyyy-MM-dd}).", issuedOn)];
        return [];
    }

    /// <summary>A note for cancelling or reissuing: required.</summary>
    public static List<Problem> Note(string? note)
    {
        if (string.IsNullOrWhiteSpace(note)) return [new("Note", "Give the reason.")];
        if (note.Trim().Length > NoteLength) return [new("Note", "The text can be at most {0} characters.", NoteLength)];
        return [];
    }

    /// <summary>
    /// A pocket member (口袋党员): the letter is still issued without a slip the day after its last valid day. Resolved by
    /// recording the slip, or by cancelling or reissuing the letter with a note.
    /// </summary>
    public static bool IsPocket(LetterStatus status, DateOnly validUntil, DateOnly today) =>
        status == LetterStatus.Issued && Validity.IsOverdue(validUntil, today);
}
