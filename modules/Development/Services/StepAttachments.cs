namespace Modular.Modules.Development.Services;

/// <summary>Files of a recorded step (the application letter, the talk record, the review's conclusion …), always optional.</summary>
public sealed class StepAttachments(IFileStore files) : Attachments(files, DevelopmentModule.Id, "step");
