namespace Modular.Sdk.Testing;

/// <summary>
/// The portal's file store in memory, per agency (the <see cref="ICurrentAgency"/> it is given) and module. It checks the
/// size and the extension like the portal; the content type comes from the extension (the portal also reads the content).
/// </summary>
/// <param name="agency">The current agency: files of other agencies are never found.</param>
/// <param name="rules">The limits; 10 MB and common office and image types when null.</param>
/// <param name="clock">What stamps saved files (for example a <see cref="FakeClock"/>); the system clock when null.</param>
public sealed class FakeFileStore(ICurrentAgency agency, FileRules? rules = null, TimeProvider? clock = null) : IFileStore
{
    private sealed record Entry(int AgencyId, string ModuleId, StoredFileInfo Info, byte[] Content);

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jpg"] = "image/jpeg", ["jpeg"] = "image/jpeg", ["png"] = "image/png", ["pdf"] = "application/pdf",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    private readonly List<Entry> _files = [];
    private int _nextId = 1;

    /// <inheritdoc />
    public FileRules Rules { get; } = rules ?? new FileRules(10 * 1024 * 1024, ["jpg", "jpeg", "png", "pdf", "docx", "xlsx"]);

    /// <summary>What is stored in the current agency, of every module.</summary>
    public IReadOnlyList<StoredFileInfo> Stored => _files.Where(f => f.AgencyId == agency.Id).Select(f => f.Info).ToList();

    /// <inheritdoc />
    public async Task<FileUpload> ReadAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        var contentType = ContentTypes.GetValueOrDefault(extension, "application/octet-stream");
        string? error = null;
        if (bytes.Length == 0) error = "文件是空的。";
        else if (bytes.Length > Rules.MaxBytes) error = $"文件不能超过 {Rules.MaxMegabytes} MB。";
        else if (!Rules.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)) error = $"不支持此类文件：只能上传 {string.Join("、", Rules.Extensions)}。";
        return new FileUpload(Path.GetFileName(fileName), contentType, bytes, error);
    }

    /// <inheritdoc />
    public Task<StoredFileInfo> SaveAsync(string moduleId, string ownerKey, FileUpload upload, CancellationToken cancellationToken = default)
    {
        if (!upload.IsValid) throw new InvalidOperationException($"An upload with an error is not saved: {upload.Error}");
        var agencyId = agency.Id ?? throw new InvalidOperationException("No current agency: files belong to one.");
        var info = new StoredFileInfo(_nextId++, ownerKey, upload.FileName, upload.ContentType, upload.Content.Length, (clock ?? TimeProvider.System).GetUtcNow());
        _files.Add(new Entry(agencyId, moduleId, info, upload.Content));
        return Task.FromResult(info);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredFileInfo>> ListAsync(string moduleId, string ownerKey, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredFileInfo>>(Mine(moduleId).Where(f => f.Info.OwnerKey == ownerKey).Select(f => f.Info).ToList());

    /// <inheritdoc />
    public Task<StoredFileContent?> OpenAsync(string moduleId, int id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Mine(moduleId).FirstOrDefault(f => f.Info.Id == id) is { } f ? new StoredFileContent(f.Info, f.Content) : null);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string moduleId, int id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Mine(moduleId).FirstOrDefault(f => f.Info.Id == id) is { } f && _files.Remove(f));

    private IEnumerable<Entry> Mine(string moduleId) => _files.Where(f => f.AgencyId == agency.Id && f.ModuleId == moduleId);
}
