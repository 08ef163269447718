using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http;

namespace Modular.Sdk;

/// <summary>
/// Files a module keeps for the current agency (a meeting's photos and scans), held in the portal's database so that
/// every instance sees them. Each file belongs to a module and an owner key the module chooses (e.g. <c>meeting:42</c>);
/// files of other agencies are never found. Uploads are checked against the platform's limits (size; type by extension
/// and by content) in two steps, so a module can check every file before it saves any.
/// </summary>
public interface IFileStore
{
    /// <summary>What is accepted, for the form (<c>accept</c> attribute) and its hint.</summary>
    FileRules Rules { get; }

    /// <summary>Reads an upload (at most the size limit) and checks it; <see cref="FileUpload.Error"/> is a Chinese message for the field.</summary>
    Task<FileUpload> ReadAsync(string fileName, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Saves a checked upload for the current agency; throws for one that has an error.</summary>
    Task<StoredFileInfo> SaveAsync(string moduleId, string ownerKey, FileUpload upload, CancellationToken cancellationToken = default);

    /// <summary>The files of one owner (of the current agency and module), oldest first.</summary>
    Task<IReadOnlyList<StoredFileInfo>> ListAsync(string moduleId, string ownerKey, CancellationToken cancellationToken = default);

    /// <summary>The files of several owners at once (the evidence entries of a campaign), in one round trip where the store can.</summary>
    async Task<IReadOnlyList<StoredFileInfo>> ListAsync(string moduleId, IReadOnlyCollection<string> ownerKeys, CancellationToken cancellationToken = default)
    {
        var all = new List<StoredFileInfo>();
        foreach (var key in ownerKeys.Distinct()) all.AddRange(await ListAsync(moduleId, key, cancellationToken));
        return all;
    }

    /// <summary>A file of the current agency and module, with its content; null if there is none.</summary>
    Task<StoredFileContent?> OpenAsync(string moduleId, int id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file of the current agency and module; false if there was none.</summary>
    Task<bool> DeleteAsync(string moduleId, int id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves checked uploads as files of one owner as part of the caller's unit of work: inside the transaction open on
    /// <paramref name="unitOfWork"/>, so the files are kept if and only if the caller's own changes commit (a crash between
    /// the two leaves neither). The default, for stores outside the database, saves one by one and, when one fails,
    /// deletes those it saved before it (since 1.6.0).
    /// </summary>
    /// <returns>The files saved.</returns>
    async Task<IReadOnlyList<StoredFileInfo>> SaveAllAsync(string moduleId, string ownerKey, IReadOnlyCollection<FileUpload> uploads, DbContext unitOfWork,
        CancellationToken cancellationToken = default)
    {
        var saved = new List<StoredFileInfo>();
        try
        {
            foreach (var upload in uploads) saved.Add(await SaveAsync(moduleId, ownerKey, upload, cancellationToken));
        }
        catch
        {
            foreach (var file in saved)
            {
                try { await DeleteAsync(moduleId, file.Id, CancellationToken.None); } catch (Exception) { }
            }
            throw;
        }
        return saved;
    }

    /// <summary>
    /// Deletes every file of these owners as part of the caller's unit of work: inside the transaction open on
    /// <paramref name="unitOfWork"/>, so the files go if and only if the caller's own changes commit (a deleted record
    /// never keeps its files, nor loses them while it stays). The default, for stores outside the database, deletes one by one.
    /// </summary>
    /// <returns>How many files were deleted.</returns>
    async Task<int> DeleteAllAsync(string moduleId, IReadOnlyCollection<string> ownerKeys, DbContext unitOfWork, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        foreach (var file in await ListAsync(moduleId, ownerKeys, cancellationToken))
            if (await DeleteAsync(moduleId, file.Id, cancellationToken)) deleted++;
        return deleted;
    }

    /// <summary>
    /// Moves every file of the owners named in <paramref name="ownerKeys"/> (old owner key → new owner key) from the current
    /// agency to the receiving agency of <paramref name="move"/>, under their new owner keys, as part of the caller's unit of
    /// work (inside the transaction open on <paramref name="unitOfWork"/>): a member's records that go to another agency
    /// take their files along, and the sending agency keeps none. Within an agency only the owner keys change. For an
    /// <see cref="IMemberMovedHandler"/>, whose module DbContext the host has already joined to the acceptance's transaction.
    /// The portal's store refuses (<see cref="AgencyScopeException"/>) unless the current agency is the sending one and the
    /// transfer <see cref="MemberMove.TransferId"/> is accepted, for this person, between these agencies.
    /// The default, for stores outside the database, copies each file into the receiving agency and deletes the original.
    /// Since 1.6.0.
    /// </summary>
    /// <param name="moduleId">The calling module's id: only its files are moved.</param>
    /// <param name="ownerKeys">Each owner key of the sending side and the owner key its files get on the receiving side.</param>
    /// <param name="move">The accepted move the files follow (its receiving agency).</param>
    /// <param name="unitOfWork">A context with the transaction open.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>How many files were moved.</returns>
    async Task<int> MoveAllAsync(string moduleId, IReadOnlyDictionary<string, string> ownerKeys, MemberMove move, DbContext unitOfWork,
        CancellationToken cancellationToken = default)
    {
        var moved = 0;
        foreach (var file in await ListAsync(moduleId, ownerKeys.Keys.ToList(), cancellationToken))
        {
            if (await OpenAsync(moduleId, file.Id, cancellationToken) is not { } content) continue;
            var copy = new FileUpload(file.FileName, file.ContentType, content.Content, null);
            using (move.AsReceivingAgency()) await SaveAsync(moduleId, ownerKeys[file.OwnerKey], copy, cancellationToken);
            if (await DeleteAsync(moduleId, file.Id, cancellationToken)) moved++;
        }
        return moved;
    }
}

/// <summary>The platform's limits for uploads.</summary>
/// <param name="MaxBytes">The largest file accepted.</param>
/// <param name="Extensions">The extensions accepted, lower case without the dot.</param>
public sealed record FileRules(long MaxBytes, IReadOnlyList<string> Extensions)
{
    /// <summary>For an input's <c>accept</c> attribute: ".jpg,.png,…".</summary>
    public string Accept => string.Join(",", Extensions.Select(e => "." + e));
    /// <summary>The size limit in whole megabytes, for the hint beside the field.</summary>
    public int MaxMegabytes => (int)(MaxBytes / (1024 * 1024));
}

/// <summary>An upload read into memory: its name, the content type the store decided (never the browser's), and any error.</summary>
public sealed record FileUpload(string FileName, string ContentType, byte[] Content, string? Error)
{
    /// <summary>Whether the upload passed the checks and may be saved.</summary>
    public bool IsValid => Error is null;
}

/// <summary>A stored file, without its content.</summary>
/// <param name="Id">The file's id (unique in the portal).</param>
/// <param name="OwnerKey">The owner key the module gave it.</param>
/// <param name="FileName">The name it was uploaded with.</param>
/// <param name="ContentType">The content type the store decided from its content.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="CreatedAt">When it was saved.</param>
public sealed record StoredFileInfo(int Id, string OwnerKey, string FileName, string ContentType, long Length, DateTimeOffset CreatedAt);

/// <summary>A stored file with its content.</summary>
/// <param name="Info">What the file is.</param>
/// <param name="Content">Its bytes.</param>
public sealed record StoredFileContent(StoredFileInfo Info, byte[] Content)
{
    /// <summary>A download: <c>Content-Disposition: attachment</c> with the file's name and its checked content type (the host adds nosniff).</summary>
    public IResult ToDownload() => Results.File(Content, Info.ContentType, Info.FileName);
}
