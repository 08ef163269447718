namespace Modular.Modules.Transfers.Domain;

/// <summary>Where an introduction letter (介绍信) stands.</summary>
public enum LetterStatus
{
    /// <summary>Issued; the return slip (回执) has not come back.</summary>
    Issued = 0,
    /// <summary>The return slip came back: the receiving organisation took the member in.</summary>
    SlipReturned = 1,
    /// <summary>Cancelled with a note (the member did not go, or the letter was lost and replaced otherwise).</summary>
    Cancelled = 2,
    /// <summary>Replaced by a new letter (with a note).</summary>
    Reissued = 3,
}

/// <summary>How the branch tried to reach a member (联系方式).</summary>
public enum ContactWay
{
    /// <summary>电话.</summary>
    Phone = 0,
    /// <summary>短信.</summary>
    TextMessage = 1,
    /// <summary>微信.</summary>
    WeChat = 2,
    /// <summary>上门走访.</summary>
    Visit = 3,
    /// <summary>函询（信函）.</summary>
    Letter = 4,
    /// <summary>通过亲属、单位等.</summary>
    ThroughOthers = 5,
}

/// <summary>Labels of the module's kinds (resource keys).</summary>
public static class Labels
{
    public static string Status(LetterStatus status) => status switch
    {
        LetterStatus.SlipReturned => "Slip returned",
        LetterStatus.Cancelled => "Cancelled",
        LetterStatus.Reissued => "Reissued",
        _ => "Issued, no slip yet",
    };

    public static string Way(ContactWay way) => way switch
    {
        ContactWay.TextMessage => "Text message",
        ContactWay.WeChat => "WeChat",
        ContactWay.Visit => "Visit",
        ContactWay.Letter => "Letter",
        ContactWay.ThroughOthers => "Through relatives or employer",
        _ => "Phone",
    };

    public static string State(Modular.Sdk.TransferState state) => state switch
    {
        Modular.Sdk.TransferState.Accepted => "Accepted",
        Modular.Sdk.TransferState.Returned => "Returned",
        Modular.Sdk.TransferState.Cancelled => "Withdrawn",
        _ => "Waiting for acceptance",
    };
}
