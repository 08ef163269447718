namespace Modular.Modules.Dues.Services;

/// <summary>Evidence of a hardship decision (the branch's minutes, the approval), always optional.</summary>
public sealed class HardshipAttachments(IFileStore files) : Attachments(files, DuesModule.Id, "hardship");
