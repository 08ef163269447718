namespace Modular.Modules.OrgLife.Services;

/// <summary>A held meeting's optional photos and scans, kept in the portal's file store under the meeting's key.</summary>
public sealed class MeetingAttachments(IFileStore files) : Attachments(files, OrgLifeModule.Id, "meeting", MaxPerPost)
{
    public const int MaxPerPost = 10;
}
