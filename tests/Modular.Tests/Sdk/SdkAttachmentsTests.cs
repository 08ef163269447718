using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Tests.Sdk;

/// <summary>The SDK's <see cref="Attachments"/> over a store in memory: limits, checks before saving, and files found only through their record.</summary>
public sealed class SdkAttachmentsTests
{
    private sealed class MemoryStore : IFileStore
    {
        public readonly List<(string Module, StoredFileInfo Info)> Files = [];
        public int ListCalls;
        /// <summary>Saving the file with this name fails (a full disk).</summary>
        public string? Failing;

        public FileRules Rules { get; } = new(1024, ["txt"]);

        public Task<FileUpload> ReadAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
        {
            using var buffer = new MemoryStream();
            content.CopyTo(buffer);
            var error = fileName.EndsWith(".txt") ? null : $"“{fileName}”的类型不允许上传。";
            return Task.FromResult(new FileUpload(fileName, "text/plain", buffer.ToArray(), error));
        }

        public Task<StoredFileInfo> SaveAsync(string moduleId, string ownerKey, FileUpload upload, CancellationToken cancellationToken = default)
        {
            if (upload.FileName == Failing) throw new IOException("disk full");
            var info = new StoredFileInfo(Files.Count + 1, ownerKey, upload.FileName, upload.ContentType, upload.Content.Length, DateTimeOffset.UtcNow);
            Files.Add((moduleId, info));
            return Task.FromResult(info);
        }

        public Task<IReadOnlyList<StoredFileInfo>> ListAsync(string moduleId, string ownerKey, CancellationToken cancellationToken = default)
        {
            ListCalls++;
            return Task.FromResult<IReadOnlyList<StoredFileInfo>>(Files.Where(f => f.Module == moduleId && f.Info.OwnerKey == ownerKey).Select(f => f.Info).ToList());
        }

        public Task<StoredFileContent?> OpenAsync(string moduleId, int id, CancellationToken cancellationToken = default) =>
            Task.FromResult(Files.Where(f => f.Module == moduleId && f.Info.Id == id).Select(f => new StoredFileContent(f.Info, [])).FirstOrDefault());

        public Task<bool> DeleteAsync(string moduleId, int id, CancellationToken cancellationToken = default) =>
            Task.FromResult(Files.RemoveAll(f => f.Module == moduleId && f.Info.Id == id) > 0);
    }

    private static IFormFile Posted(string name, string text = "x")
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new FormFile(new MemoryStream(bytes), 0, bytes.Length, "Files", name);
    }

    [Fact]
    public async Task More_files_than_allowed_are_refused_on_the_field_in_Chinese_and_none_read()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var attachments = new Attachments(new MemoryStore(), "m", "item", maxPerPost: 2);
        var state = new ModelStateDictionary();

        var uploads = await attachments.ReadAsync([Posted("a.txt"), Posted("b.txt"), Posted("c.txt")], state, "Files");

        Assert.Empty(uploads);
        Assert.Equal("一次最多上传 2 个文件。", Assert.Single(state["Files"]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task Every_bad_file_is_named_and_empty_inputs_are_ignored()
    {
        var attachments = new Attachments(new MemoryStore(), "m", "item");
        var state = new ModelStateDictionary();

        var uploads = await attachments.ReadAsync([Posted("a.txt"), Posted("b.exe"), Posted("", ""), Posted("c.bat")], state, "Files");

        Assert.Equal(["a.txt"], uploads.Select(u => u.FileName));
        Assert.Equal(2, state["Files"]!.Errors.Count);
    }

    [Fact]
    public async Task A_file_is_found_only_through_its_own_record_and_module()
    {
        var store = new MemoryStore();
        var items = new Attachments(store, "m", "item");
        var meetings = new Attachments(store, "m", "meeting");
        var other = new Attachments(store, "other", "item");
        var state = new ModelStateDictionary();
        await items.SaveAsync(1, await items.ReadAsync([Posted("one.txt")], state, "Files"));
        await items.SaveAsync(2, await items.ReadAsync([Posted("two.txt")], state, "Files"));
        var one = Assert.Single(await items.ListAsync(1));

        Assert.NotNull(await items.OpenAsync(1, one.Id));
        Assert.Null(await items.OpenAsync(2, one.Id));
        Assert.Null(await meetings.OpenAsync(1, one.Id));
        Assert.Null(await other.OpenAsync(1, one.Id));
        Assert.NotNull(await items.OpenAsync([2, 1], one.Id));
        Assert.False(await items.RemoveAsync(2, one.Id));
        Assert.False(await meetings.RemoveAsync([1], one.Id));
        Assert.True(await items.RemoveAsync(1, one.Id));
        Assert.Empty(await items.ListAsync(1));
    }

    [Fact]
    public async Task The_files_of_many_records_come_grouped_by_record()
    {
        var store = new MemoryStore();
        var items = new Attachments(store, "m", "item");
        var state = new ModelStateDictionary();
        await items.SaveAsync(1, await items.ReadAsync([Posted("a.txt"), Posted("b.txt")], state, "Files"));
        await items.SaveAsync(3, await items.ReadAsync([Posted("c.txt")], state, "Files"));

        var byRecord = await items.ListAsync([1, 2, 3]);

        Assert.Equal(["a.txt", "b.txt"], byRecord[1].Select(f => f.FileName));
        Assert.False(byRecord.ContainsKey(2));
        Assert.Equal(["c.txt"], byRecord[3].Select(f => f.FileName));
    }

    // A record of a module, saved with its files.
    private sealed class Row
    {
        public int Id { get; set; }
        public string Text { get; set; } = "";
    }

    private sealed class RowsDb(DbContextOptions<RowsDb> options) : DbContext(options)
    {
        public DbSet<Row> Rows => Set<Row>();
    }

    private static async Task<(SqliteConnection Connection, DbContextOptions<RowsDb> Options)> RowsAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<RowsDb>().UseSqlite(connection).Options;
        await using var setup = new RowsDb(options);
        await setup.Database.EnsureCreatedAsync();
        return (connection, options);
    }

    private static FileUpload Upload(string name) => new(name, "text/plain", [1, 2, 3], null);

    [Fact]
    public async Task A_record_and_its_files_are_saved_together_under_the_new_record_s_id()
    {
        var (connection, options) = await RowsAsync();
        await using var _ = connection;
        var store = new MemoryStore();
        var items = new Attachments(store, "m", "item");
        await using var db = new RowsDb(options);
        var row = new Row { Text = "整改完成" };
        db.Rows.Add(row);

        Assert.True(await items.SaveWithRecordAsync(db, async ct => { await db.SaveChangesAsync(ct); return true; }, () => row.Id, [Upload("a.txt"), Upload("b.txt")]));

        Assert.Null(db.Database.CurrentTransaction);
        await using var check = new RowsDb(options);
        Assert.Equal("整改完成", (await check.Rows.SingleAsync()).Text);
        Assert.Equal(["a.txt", "b.txt"], (await items.ListAsync(row.Id)).Select(f => f.FileName));
    }

    [Fact]
    public async Task A_save_that_fails_or_is_refused_stores_no_file()
    {
        var (connection, options) = await RowsAsync();
        await using var _ = connection;
        var store = new MemoryStore();
        var items = new Attachments(store, "m", "item");
        await using var db = new RowsDb(options);

        // Refused (a stale stamp the page reports): nothing stored, and the transaction is gone.
        Assert.False(await items.SaveWithRecordAsync(db, _ => Task.FromResult(false), () => 1, [Upload("a.txt")]));
        Assert.Null(db.Database.CurrentTransaction);
        // Failed (the database refused the row): the error goes on, nothing stored.
        db.Rows.Add(new Row { Id = 7, Text = "x" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => items.SaveWithRecordAsync(db,
            async ct => { await db.SaveChangesAsync(ct); throw new InvalidOperationException("refused"); }, () => 7, [Upload("a.txt")]));

        Assert.Empty(store.Files);
        await using var check = new RowsDb(options);
        Assert.Empty(await check.Rows.ToListAsync());
    }

    [Fact]
    public async Task A_file_that_fails_to_store_keeps_no_record_and_takes_back_the_files_stored_before_it()
    {
        var (connection, options) = await RowsAsync();
        await using var _ = connection;
        var store = new MemoryStore { Failing = "b.txt" };
        var items = new Attachments(store, "m", "item");
        await using var db = new RowsDb(options);
        var row = new Row { Text = "整改完成" };
        db.Rows.Add(row);

        await Assert.ThrowsAsync<IOException>(() => items.SaveWithRecordAsync(db, async ct => { await db.SaveChangesAsync(ct); return true; }, () => row.Id,
            [Upload("a.txt"), Upload("b.txt")]));

        // The store is outside the database: the file saved before the failing one is deleted, the row rolled back.
        Assert.Empty(store.Files);
        await using var check = new RowsDb(options);
        Assert.Empty(await check.Rows.ToListAsync());
    }

    [Fact]
    public async Task Inside_a_transaction_the_caller_opened_the_caller_commits()
    {
        var (connection, options) = await RowsAsync();
        await using var _ = connection;
        var items = new Attachments(new MemoryStore(), "m", "item");
        await using var db = new RowsDb(options);
        await using var outer = await db.Database.BeginTransactionAsync();
        db.Rows.Add(new Row { Id = 3, Text = "x" });

        Assert.True(await items.SaveWithRecordAsync(db, async ct => { await db.SaveChangesAsync(ct); return true; }, () => 3, [Upload("a.txt")]));

        Assert.Same(outer, db.Database.CurrentTransaction);
        await outer.RollbackAsync();
        await using var check = new RowsDb(options);
        Assert.Empty(await check.Rows.ToListAsync());
    }
}
