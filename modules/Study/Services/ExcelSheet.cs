using MiniExcelLibs;

namespace Modular.Modules.Study.Services;

/// <summary>Reading and writing the module's Excel sheets with their header row (as the other modules do, with MiniExcel).</summary>
public static class ExcelSheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The problem of a file that is no readable .xlsx.</summary>
    public static readonly SheetProblem Unreadable = new(0, "", "The file cannot be read: use the downloaded template (.xlsx).");

    /// <summary>The rows under the header (at most one more than the import takes, to tell it is too long); null when the file cannot be read.</summary>
    public static List<IDictionary<string, object?>>? Read(Stream file, int maxRows)
    {
        try
        {
            return file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Take(maxRows + 1).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>An .xlsx file of <paramref name="rows"/>, the keys of the first as the header.</summary>
    public static byte[] Write(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }
}
