namespace Modular.Modules.Elections.Services;

/// <summary>Files of a request or a reply (the request letter, the higher committee's reply), always optional.</summary>
public sealed class StepFiles(IFileStore files) : Attachments(files, ElectionsModule.Id, "step");

/// <summary>Files of a term adjustment (the higher committee's approval), always optional.</summary>
public sealed class TermFiles(IFileStore files) : Attachments(files, ElectionsModule.Id, "term");
