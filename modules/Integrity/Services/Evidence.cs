namespace Modular.Modules.Integrity.Services;

/// <summary>A rectification item's optional evidence (整改佐证), kept in the portal's file store under the item's key.</summary>
public sealed class Evidence(IFileStore files) : Attachments(files, IntegrityModule.Id, "rectification", MaxPerPost)
{
    public const int MaxPerPost = 5;
}
