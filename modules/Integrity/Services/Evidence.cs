using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Modular.Sdk;

namespace Modular.Modules.Integrity.Services;

/// <summary>A rectification item's optional evidence (整改佐证), kept in the portal's file store under the item's key.</summary>
public sealed class Evidence(IFileStore files, IStringLocalizer<IntegrityModule> text)
{
    public const int MaxPerPost = 5;

    public FileRules Rules => files.Rules;

    private static string Owner(int itemId) => $"rectification:{itemId}";

    /// <summary>Reads and checks every posted file; a bad one puts its message on <paramref name="field"/> (and then nothing is saved).</summary>
    public async Task<IReadOnlyList<FileUpload>> ReadAsync(IEnumerable<IFormFile> posted, ModelStateDictionary state, string field, CancellationToken ct)
    {
        var chosen = posted.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (chosen.Count > MaxPerPost)
        {
            state.AddModelError(field, text["At most {0} files at a time.", MaxPerPost]);
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

    public async Task SaveAsync(int itemId, IEnumerable<FileUpload> uploads, CancellationToken ct)
    {
        foreach (var u in uploads) await files.SaveAsync(IntegrityModule.Id, Owner(itemId), u, ct);
    }

    public Task<IReadOnlyList<StoredFileInfo>> ListAsync(int itemId, CancellationToken ct) => files.ListAsync(IntegrityModule.Id, Owner(itemId), ct);

    public async Task<StoredFileContent?> OpenAsync(int itemId, int fileId, CancellationToken ct) =>
        await files.OpenAsync(IntegrityModule.Id, fileId, ct) is { } content && content.Info.OwnerKey == Owner(itemId) ? content : null;
}
