using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Modular.Sdk;

namespace Modular.Modules.OrgLife.Services;

/// <summary>A held meeting's optional photos and scans, kept in the portal's file store under the meeting's key.</summary>
public sealed class MeetingAttachments(IFileStore files, IStringLocalizer<OrgLifeModule> text)
{
    public const int MaxPerPost = 10;

    public FileRules Rules => files.Rules;

    private static string Owner(int meetingId) => $"meeting:{meetingId}";

    /// <summary>Reads and checks every posted file; a bad one puts its message on <paramref name="field"/> (and then nothing is saved).</summary>
    public async Task<IReadOnlyList<FileUpload>> ReadAsync(IEnumerable<IFormFile> posted, ModelStateDictionary state, string field, CancellationToken ct)
    {
        var chosen = posted.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (chosen.Count > MaxPerPost)
        {
            state.AddModelError(field, text["At most {0} attachments at a time.", MaxPerPost]);
            return [];
        }
        var uploads = new List<FileUpload>();
        foreach (var f in chosen)
        {
            await using var stream = f.OpenReadStream();
            var upload = await files.ReadAsync(f.FileName, stream, ct);
            if (upload.IsValid) uploads.Add(upload);
            else state.AddModelError(field, upload.Error!);
        }
        return uploads;
    }

    public async Task SaveAsync(int meetingId, IEnumerable<FileUpload> uploads, CancellationToken ct)
    {
        foreach (var u in uploads) await files.SaveAsync(OrgLifeModule.Id, Owner(meetingId), u, ct);
    }

    public Task<IReadOnlyList<StoredFileInfo>> ListAsync(int meetingId, CancellationToken ct) => files.ListAsync(OrgLifeModule.Id, Owner(meetingId), ct);

    /// <summary>The file, if it is one of this meeting's.</summary>
    public async Task<StoredFileContent?> OpenAsync(int meetingId, int fileId, CancellationToken ct) =>
        await files.OpenAsync(OrgLifeModule.Id, fileId, ct) is { } content && content.Info.OwnerKey == Owner(meetingId) ? content : null;

    public async Task<bool> RemoveAsync(int meetingId, int fileId, CancellationToken ct) =>
        (await ListAsync(meetingId, ct)).Any(f => f.Id == fileId) && await files.DeleteAsync(OrgLifeModule.Id, fileId, ct);
}
