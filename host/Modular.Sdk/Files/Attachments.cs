using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Modular.Sdk;

/// <summary>
/// The files of one kind of record in a module (a meeting's photos, a rectification's evidence), kept in the
/// <see cref="IFileStore"/> under owner keys <c>&lt;prefix&gt;:&lt;id&gt;</c>. A form's files are all read and checked
/// before any is saved, and a file is found only through the record it belongs to.
/// </summary>
/// <remarks>A module derives one small class per kind of record, e.g.
/// <c>sealed class MeetingAttachments(IFileStore files) : Attachments(files, "org-life", "meeting")</c>, and registers it scoped.</remarks>
public class Attachments(IFileStore files, string moduleId, string ownerPrefix, int maxPerPost = 10)
{
    private static readonly LocalizedText TooMany = new("一次最多上传 {0} 个文件。", "At most {0} files at a time.");

    /// <summary>What the store accepts, for the file input's <c>accept</c> attribute and hint.</summary>
    public FileRules Rules => files.Rules;
    /// <summary>How many files one post may add.</summary>
    public int MaxFiles => maxPerPost;

    /// <summary>The store's owner key of the record with <paramref name="ownerId"/>: <c>&lt;prefix&gt;:&lt;id&gt;</c>.</summary>
    public string OwnerKey(int ownerId) => $"{ownerPrefix}:{ownerId}";

    /// <summary>Reads and checks every posted file; each problem goes on <paramref name="field"/>, and then nothing should be saved.</summary>
    public async Task<IReadOnlyList<FileUpload>> ReadAsync(IEnumerable<IFormFile> posted, ModelStateDictionary state, string field,
        CancellationToken ct = default)
    {
        // Browsers post an empty part for a file input left empty.
        var chosen = posted.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (chosen.Count > maxPerPost)
        {
            state.AddModelError(field, string.Format(TooMany.Current, maxPerPost));
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

    /// <summary>Saves checked uploads as files of the record with <paramref name="ownerId"/>.</summary>
    public async Task SaveAsync(int ownerId, IEnumerable<FileUpload> uploads, CancellationToken ct = default)
    {
        foreach (var u in uploads) await files.SaveAsync(moduleId, OwnerKey(ownerId), u, ct);
    }

    /// <summary>
    /// Saves checked uploads as files of the record with <paramref name="ownerId"/> inside the transaction open on
    /// <paramref name="unitOfWork"/>: they commit, or roll back, with the record's own changes.
    /// </summary>
    public Task<IReadOnlyList<StoredFileInfo>> SaveAsync(int ownerId, IReadOnlyCollection<FileUpload> uploads, DbContext unitOfWork, CancellationToken ct = default) =>
        files.SaveAllAsync(moduleId, OwnerKey(ownerId), uploads, unitOfWork, ct);

    /// <summary>
    /// Saves a record and its files as one unit: both commit or neither does. Begins a transaction on
    /// <paramref name="unitOfWork"/> (or works inside the one already open there, whose owner then commits), runs
    /// <paramref name="saveRecord"/>, then stores <paramref name="uploads"/> as files of the record with
    /// <paramref name="ownerId"/> (asked after the save, so a new record's generated id can be given) and commits.
    /// When <paramref name="saveRecord"/> returns false (a stale stamp, say) nothing is stored or committed. When the save,
    /// a file or the commit fails, the transaction rolls back, files a store outside the database already kept are deleted,
    /// and the exception goes on to the caller. Since 1.6.0.
    /// </summary>
    /// <param name="unitOfWork">The module's context that saves the record.</param>
    /// <param name="saveRecord">Saves the record's changes on <paramref name="unitOfWork"/>; false when they could not be saved and the caller tells why (e.g. <see cref="PageOutcomes.TrySaveAsync"/>).</param>
    /// <param name="ownerId">The record's id, asked once the record is saved.</param>
    /// <param name="uploads">Checked uploads (see <see cref="ReadAsync"/>); may be empty.</param>
    /// <param name="ct">Cancels the work.</param>
    /// <returns>False when <paramref name="saveRecord"/> did not save; true when the record and its files are saved.</returns>
    public async Task<bool> SaveWithRecordAsync(DbContext unitOfWork, Func<CancellationToken, Task<bool>> saveRecord, Func<int> ownerId,
        IReadOnlyCollection<FileUpload> uploads, CancellationToken ct = default)
    {
        var owned = unitOfWork.Database.CurrentTransaction is null ? await unitOfWork.Database.BeginTransactionAsync(ct) : null;
        IReadOnlyList<StoredFileInfo> stored = [];
        try
        {
            if (!await saveRecord(ct))
            {
                if (owned is not null) await owned.RollbackAsync(ct);
                return false;
            }
            stored = await files.SaveAllAsync(moduleId, OwnerKey(ownerId()), uploads, unitOfWork, ct);
            if (owned is not null) await owned.CommitAsync(ct);
            return true;
        }
        catch
        {
            if (owned is not null)
            {
                // The rollback is what keeps the record from being half-saved; a rollback that fails (a lost
                // connection) must not hide the first error, and the database drops the transaction anyway.
                try { await owned.RollbackAsync(CancellationToken.None); } catch (Exception) { }
            }
            // A store inside the database lost them with the rollback (nothing is found); one outside keeps them until told.
            foreach (var file in stored)
            {
                try { await files.DeleteAsync(moduleId, file.Id, CancellationToken.None); } catch (Exception) { }
            }
            throw;
        }
        finally
        {
            if (owned is not null) await owned.DisposeAsync();
        }
    }

    /// <summary>The files of the record with <paramref name="ownerId"/>.</summary>
    public Task<IReadOnlyList<StoredFileInfo>> ListAsync(int ownerId, CancellationToken ct = default) =>
        files.ListAsync(moduleId, OwnerKey(ownerId), ct);

    /// <summary>The files of several records in one round trip, by record id (records without files are left out).</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<StoredFileInfo>>> ListAsync(IReadOnlyCollection<int> ownerIds, CancellationToken ct = default)
    {
        var byKey = ownerIds.Distinct().ToDictionary(OwnerKey);
        var found = await files.ListAsync(moduleId, byKey.Keys.ToList(), ct);
        return found.GroupBy(f => byKey[f.OwnerKey]).ToDictionary(g => g.Key, g => (IReadOnlyList<StoredFileInfo>)g.ToList());
    }

    /// <summary>The file, if it belongs to this record.</summary>
    public Task<StoredFileContent?> OpenAsync(int ownerId, int fileId, CancellationToken ct = default) => OpenAsync([ownerId], fileId, ct);

    /// <summary>The file, if it belongs to one of these records (e.g. the evidence entries of one item).</summary>
    public async Task<StoredFileContent?> OpenAsync(IReadOnlyCollection<int> ownerIds, int fileId, CancellationToken ct = default) =>
        await files.OpenAsync(moduleId, fileId, ct) is { } content && ownerIds.Any(id => content.Info.OwnerKey == OwnerKey(id)) ? content : null;

    /// <summary>Deletes the file if it belongs to this record.</summary>
    public async Task<bool> RemoveAsync(int ownerId, int fileId, CancellationToken ct = default) =>
        (await ListAsync(ownerId, ct)).Any(f => f.Id == fileId) && await files.DeleteAsync(moduleId, fileId, ct);

    /// <summary>Deletes all files of the record inside the transaction open on <paramref name="unitOfWork"/> (see <see cref="IFileStore.DeleteAllAsync"/>).</summary>
    public Task<int> RemoveAllAsync(int ownerId, DbContext unitOfWork, CancellationToken ct = default) =>
        files.DeleteAllAsync(moduleId, [OwnerKey(ownerId)], unitOfWork, ct);

    /// <summary>Deletes the file if it belongs to one of these records.</summary>
    public async Task<bool> RemoveAsync(IReadOnlyCollection<int> ownerIds, int fileId, CancellationToken ct = default) =>
        await OpenAsync(ownerIds, fileId, ct) is not null && await files.DeleteAsync(moduleId, fileId, ct);
}
