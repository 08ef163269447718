using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Modular.Host.Localization;
using Modular.Sdk;

namespace Modular.Host.Files;

/// <summary>The SDK's <see cref="IFileStore"/>, in the database on an agency-filtered base (<see cref="FileDbContext"/>).</summary>
public sealed class FileStore(FileDbContext db, DbContextOptions<FileDbContext> dbOptions, ICurrentAgency agency, ICurrentUser user,
    FileStoreOptions options, IText text) : IFileStore
{
    public FileRules Rules { get; } = new(
        Math.Max(1, options.MaxMegabytes) * 1024L * 1024L,
        options.Extensions.Where(FileTypes.Known.ContainsKey).Select(e => e.ToLowerInvariant()).Distinct().ToList());

    public async Task<FileUpload> ReadAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var name = CleanName(fileName);
        var extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        // One byte more than the limit tells a file that is too large without reading all of it.
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > Rules.MaxBytes) return new FileUpload(name, "", [], text["The file \"{0}\" is larger than {1} MB.", name, Rules.MaxMegabytes]);
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return new FileUpload(name, "", [], text["The file \"{0}\" is empty.", name]);
        if (!Rules.Extensions.Contains(extension) || !FileTypes.Known[extension].Matches(bytes))
            return new FileUpload(name, "", [], text["The file \"{0}\" is not one of the accepted types ({1}).", name, string.Join("、", Rules.Extensions)]);
        // Beyond the first bytes: an Office file's unpacked size, an image's structure and size, a PDF's trailer and scripts.
        if (FileContent.Check(extension, name, bytes, options) is { } problem)
            return new FileUpload(name, "", [], text[problem.Key, problem.Arguments]);
        return new FileUpload(name, FileTypes.Known[extension].ContentType, bytes, null);
    }

    public async Task<StoredFileInfo> SaveAsync(string moduleId, string ownerKey, FileUpload upload, CancellationToken cancellationToken = default)
    {
        if (!upload.IsValid) throw new InvalidOperationException("A file that failed its check cannot be saved: " + upload.Error);
        var file = NewRow(moduleId, ownerKey, upload);
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync(cancellationToken);
        return Info(file);
    }

    public async Task<IReadOnlyList<StoredFileInfo>> ListAsync(string moduleId, string ownerKey, CancellationToken cancellationToken = default)
    {
        var rows = await db.StoredFiles.AsNoTracking().Where(f => f.ModuleId == moduleId && f.OwnerKey == ownerKey).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return rows.Select(Info).ToList();
    }

    public async Task<IReadOnlyList<StoredFileInfo>> ListAsync(string moduleId, IReadOnlyCollection<string> ownerKeys, CancellationToken cancellationToken = default)
    {
        if (ownerKeys.Count == 0) return [];
        var keys = ownerKeys.Distinct().ToList();
        var rows = await db.StoredFiles.AsNoTracking().Where(f => f.ModuleId == moduleId && keys.Contains(f.OwnerKey)).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return rows.Select(Info).ToList();
    }

    public async Task<StoredFileContent?> OpenAsync(string moduleId, int id, CancellationToken cancellationToken = default)
    {
        var file = await db.StoredFiles.AsNoTracking().Include(f => f.Data).FirstOrDefaultAsync(f => f.Id == id && f.ModuleId == moduleId, cancellationToken);
        return file?.Data is null ? null : new StoredFileContent(Info(file), file.Data.Content);
    }

    public async Task<bool> DeleteAsync(string moduleId, int id, CancellationToken cancellationToken = default)
    {
        var file = await db.StoredFiles.Include(f => f.Data).FirstOrDefaultAsync(f => f.Id == id && f.ModuleId == moduleId, cancellationToken);
        if (file is null) return false;
        db.StoredFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<StoredFileInfo>> SaveAllAsync(string moduleId, string ownerKey, IReadOnlyCollection<FileUpload> uploads, DbContext unitOfWork,
        CancellationToken cancellationToken = default)
    {
        if (uploads.Any(u => !u.IsValid)) throw new InvalidOperationException("A file that failed its check cannot be saved.");
        if (uploads.Count == 0) return [];
        await using var files = await JoinAsync(unitOfWork, "saved", cancellationToken);
        var rows = uploads.Select(u => NewRow(moduleId, ownerKey, u)).ToList();
        files.StoredFiles.AddRange(rows);
        await files.SaveChangesAsync(cancellationToken);
        return rows.Select(Info).ToList();
    }

    public async Task<int> DeleteAllAsync(string moduleId, IReadOnlyCollection<string> ownerKeys, DbContext unitOfWork, CancellationToken cancellationToken = default)
    {
        if (ownerKeys.Count == 0) return 0;
        await using var files = await JoinAsync(unitOfWork, "deleted", cancellationToken);
        var keys = ownerKeys.Distinct().ToList();
        var rows = await files.StoredFiles.Include(f => f.Data).Where(f => f.ModuleId == moduleId && keys.Contains(f.OwnerKey)).ToListAsync(cancellationToken);
        if (rows.Count == 0) return 0;
        files.StoredFiles.RemoveRange(rows);
        await files.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    public async Task<int> MoveAllAsync(string moduleId, IReadOnlyDictionary<string, string> ownerKeys, MemberMove move, DbContext unitOfWork,
        CancellationToken cancellationToken = default)
    {
        if (ownerKeys.Count == 0) return 0;
        if (agency.Id != move.FromAgencyId) throw new AgencyScopeException("只能从转出单位移交文件。");
        await using var files = await JoinAsync(unitOfWork, "moved", cancellationToken);
        // Files leave an agency only with a person whose transfer is accepted, as seen inside the acceptance's own
        // (uncommitted) transaction: a move made up by a module finds no such row.
        if (!await AcceptedAsync(files, move, cancellationToken)) throw new AgencyScopeException("没有已接收的组织关系转接，不能移交文件。");
        var moved = 0;
        // Statements, not tracked changes: the agency filter keeps them to the sending agency's files, and a row changing
        // agency is what the tracked save refuses on purpose.
        foreach (var (from, to) in ownerKeys)
        {
            var ids = await files.StoredFiles.Where(f => f.ModuleId == moduleId && f.OwnerKey == from).Select(f => f.Id).ToListAsync(cancellationToken);
            if (ids.Count == 0) continue;
            await files.StoredFileData.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u.SetProperty(d => d.AgencyId, move.ToAgencyId), cancellationToken);
            moved += await files.StoredFiles.Where(f => ids.Contains(f.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.AgencyId, move.ToAgencyId).SetProperty(f => f.OwnerKey, to), cancellationToken);
        }
        return moved;
    }

    private static async Task<bool> AcceptedAsync(FileDbContext files, MemberMove move, CancellationToken ct)
    {
        var accepted = (int)TransferState.Accepted;
        return await files.Database.SqlQuery<int>($"""
            SELECT COUNT(*) AS "Value" FROM dir_transfer
            WHERE "Id" = {move.TransferId} AND "State" = {accepted} AND "FromAgencyId" = {move.FromAgencyId} AND "FromMemberId" = {move.FromMemberId}
              AND "ToAgencyId" = {move.ToAgencyId} AND "ToMemberId" = {move.ToMemberId}
            """).SingleAsync(ct) == 1;
    }

    /// <summary>
    /// A context of its own on the caller's connection and transaction (the files live in the same database): its changes
    /// commit or roll back with the caller's, and their audit lines are written at that commit.
    /// </summary>
    private async Task<FileDbContext> JoinAsync(DbContext unitOfWork, string verb, CancellationToken ct)
    {
        var transaction = unitOfWork.Database.CurrentTransaction
            ?? throw new InvalidOperationException($"Begin a transaction on the caller's DbContext first: the files are {verb} inside it.");
        var files = new FileDbContext(dbOptions, agency);
        files.Database.SetDbConnection(unitOfWork.Database.GetDbConnection());
        await files.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);
        return files;
    }

    private StoredFile NewRow(string moduleId, string ownerKey, FileUpload upload) => new()
    {
        ModuleId = moduleId, OwnerKey = ownerKey, FileName = upload.FileName, ContentType = upload.ContentType,
        Length = upload.Content.Length, CreatedBy = user.Id, Data = new StoredFileData { Content = upload.Content },
    };

    private static StoredFileInfo Info(StoredFile f) => new(f.Id, f.OwnerKey, f.FileName, f.ContentType, f.Length, f.CreatedAt);

    /// <summary>The name without any folder a browser sent, control characters or an overlong tail.</summary>
    private static string CleanName(string fileName)
    {
        var name = new string(Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "file";
        return name.Length <= 200 ? name : name[..(200 - Path.GetExtension(name).Length)] + Path.GetExtension(name);
    }
}
