using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Modular.Sdk;

namespace Modular.Modules.Civilization.Services;

/// <summary>Optional files of an evidence entry, kept in the portal's file store under the entry's key.</summary>
public sealed class EvidenceFiles(IFileStore files, IStringLocalizer<CivilizationModule> T)
{
    public const int MaxPerPost = 10;

    public FileRules Rules => files.Rules;

    public static string Owner(int evidenceId) => $"evidence:{evidenceId}";

    /// <summary>Reads and checks every posted file; a bad one puts its message on the field (and then nothing is saved).</summary>
    public async Task<IReadOnlyList<FileUpload>> ReadAsync(IEnumerable<IFormFile> posted, ModelStateDictionary state, string field, CancellationToken ct)
    {
        var chosen = posted.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (chosen.Count > MaxPerPost)
        {
            state.AddModelError(field, T["At most {0} files at a time.", MaxPerPost]);
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

    public async Task SaveAsync(int evidenceId, IEnumerable<FileUpload> uploads, CancellationToken ct)
    {
        foreach (var u in uploads) await files.SaveAsync(CivilizationModule.Id, Owner(evidenceId), u, ct);
    }

    public Task<IReadOnlyList<StoredFileInfo>> ListAsync(int evidenceId, CancellationToken ct) => files.ListAsync(CivilizationModule.Id, Owner(evidenceId), ct);

    public async Task<bool> RemoveAsync(IReadOnlyCollection<int> evidenceIds, int fileId, CancellationToken ct) =>
        await OpenAsync(evidenceIds, fileId, ct) is not null && await files.DeleteAsync(CivilizationModule.Id, fileId, ct);

    /// <summary>The file, if it belongs to one of these evidence entries.</summary>
    public async Task<StoredFileContent?> OpenAsync(IReadOnlyCollection<int> evidenceIds, int fileId, CancellationToken ct) =>
        await files.OpenAsync(CivilizationModule.Id, fileId, ct) is { } content && evidenceIds.Any(id => content.Info.OwnerKey == Owner(id)) ? content : null;
}
