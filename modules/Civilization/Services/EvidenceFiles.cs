namespace Modular.Modules.Civilization.Services;

/// <summary>Optional files of an evidence entry, kept in the portal's file store under the entry's key.</summary>
public sealed class EvidenceFiles(IFileStore files) : Attachments(files, CivilizationModule.Id, "evidence", MaxPerPost)
{
    public const int MaxPerPost = 10;
}
