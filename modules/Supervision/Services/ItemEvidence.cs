namespace Modular.Modules.Supervision.Services;

/// <summary>A ledger item's optional evidence (整改佐证), kept in the portal's file store under the item's key.</summary>
public sealed class ItemEvidence(IFileStore files) : Attachments(files, SupervisionModule.Id, "ledger-item", MaxPerPost)
{
    public const int MaxPerPost = 5;
}
