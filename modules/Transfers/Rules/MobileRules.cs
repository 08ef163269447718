using Modular.Sdk;

namespace Modular.Modules.Transfers.Rules;

/// <summary>What a mobile member's entry and a contact attempt need.</summary>
public static class MobileRules
{
    public const int TextLength = 200;

    /// <summary>
    /// An entry in the registry: where the member is (required), since when (not in the future), the 流动党员活动证 date
    /// not before the member left nor in the future, the texts not too long.
    /// </summary>
    public static List<Problem> Entry(string? place, DateOnly? since, string? contact, string? managingOrganization, string? certificateNumber,
        DateOnly? certificateIssuedOn, DateOnly today)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(place)) problems.Add(new("Place", "Enter where the member works or lives."));
        else if (place.Trim().Length > TextLength) problems.Add(new("Place", "The text can be at most {0} characters.", TextLength));
        if (since is null) problems.Add(new("Since", "Enter the date."));
        else if (since > today) problems.Add(new("Since", "The date cannot be in the future."));
        foreach (var (field, value) in new[] { ("Contact", contact), ("ManagingOrganization", managingOrganization) })
            if (value?.Trim().Length > TextLength) problems.Add(new(field, "The text can be at most {0} characters.", TextLength));
        if (certificateNumber?.Trim().Length > 50) problems.Add(new("CertificateNumber", "The text can be at most {0} characters.", 50));
        if (certificateIssuedOn > today) problems.Add(new("CertificateIssuedOn", "The date cannot be in the future."));
        else if (certificateIssuedOn is { } issued && since is { } s && issued < s.AddYears(-1))
            problems.Add(new("CertificateIssuedOn", "The certificate is issued when the member leaves, not a year before."));
        if (certificateIssuedOn is not null && string.IsNullOrWhiteSpace(certificateNumber))
            problems.Add(new("CertificateNumber", "Enter the certificate's number with its date."));
        return problems;
    }

    /// <summary>A contact attempt: on a day not in the future nor before the member left, with its result.</summary>
    public static List<Problem> Attempt(DateOnly? date, DateOnly since, string? result, DateOnly today)
    {
        var problems = new List<Problem>();
        if (date is null) problems.Add(new("Date", "Enter the date."));
        else if (date > today) problems.Add(new("Date", "The date cannot be in the future."));
        else if (date < since) problems.Add(new("Date", "The attempt cannot be before the member left ({0:yyyy-MM-dd}).", since));
        if (string.IsNullOrWhiteSpace(result)) problems.Add(new("Result", "Enter what came of it."));
        else if (result.Trim().Length > TextLength) problems.Add(new("Result", "The text can be at most {0} characters.", TextLength));
        return problems;
    }

    /// <summary>The day contact was lost: not in the future, not before the member left.</summary>
    public static List<Problem> LostContact(DateOnly? date, DateOnly since, DateOnly today)
    {
        if (date is null) return [new("LostSince", "Enter the date.")];
        if (date > today) return [new("LostSince", "The date cannot be in the future.")];
        if (date < since) return [new("LostSince", "Contact cannot be lost before the member left ({0:yyyy-MM-dd}).", since)];
        return [];
    }
}
