namespace Modular.Modules.Study.Services;

/// <summary>A session's optional material files (学习材料: the text studied, slides, a scan of the sign-in sheet), kept in the portal's file store under the session's key.</summary>
public sealed class SessionMaterials(IFileStore files) : Attachments(files, StudyModule.Id, "session", MaxPerPost)
{
    public const int MaxPerPost = 5;
}
