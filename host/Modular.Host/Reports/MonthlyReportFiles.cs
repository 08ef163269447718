using MiniExcelLibs;
using Modular.Sdk;

namespace Modular.Host.Reports;

/// <summary>The monthly report as a Word document (through <see cref="IWordDocuments"/>) and as an Excel workbook (MiniExcel).</summary>
public sealed class MonthlyReportFiles(IWordDocuments word)
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    private static string Numbered(int index) => index < Numerals.Length ? Numerals[index] : (index + 1).ToString();

    public static string FileName(MonthlyReport report, string extension) => $"{report.Title}.{extension}";

    public byte[] Word(MonthlyReport report)
    {
        var doc = new WordDocument(report.Title) { Subtitle = $"（{report.Period.First:yyyy年M月d日}至{report.Period.Last:yyyy年M月d日}）" };
        if (report.Sections.Count == 0) doc.Paragraph("本月没有开启的工作模块记录可供汇总。");
        for (var i = 0; i < report.Sections.Count; i++)
        {
            var section = report.Sections[i];
            doc.Heading($"{Numbered(i)}、{section.Title.Current}");
            if (section.Figures.Count > 0)
                doc.Paragraph(string.Join("；", section.Figures.Select(f => $"{f.Label.Current}{f.Text}{(f.Value is null ? "" : f.Unit?.Current)}")) + "。");
            if (section.Note is { } note) doc.Paragraph(note.Current);
            for (var t = 0; t < section.Tables.Count; t++)
            {
                var table = section.Tables[t];
                doc.Heading($"（{Numbered(t)}）{table.Caption.Current}", 2);
                if (table.Rows.Count == 0) doc.Paragraph("本月无记录。");
                else doc.Table(table.Columns.Select(c => c.Current).ToList(), table.Rows);
            }
        }
        doc.Signature(report.Name, report.MadeOn);
        return word.Render(doc);
    }

    /// <summary>A summary sheet (every figure of every section), then one sheet per table.</summary>
    public static byte[] Excel(MonthlyReport report)
    {
        var summary = report.Sections.SelectMany(s => s.Figures.Select(f => new Dictionary<string, object?>
        {
            ["栏目"] = s.Title.Current, ["指标"] = f.Label.Current, ["数值"] = f.Value, ["单位"] = f.Unit?.Current,
        })).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["汇总"] = summary.Count > 0 ? summary : [new Dictionary<string, object?> { ["栏目"] = "本月无记录" }],
        };
        foreach (var section in report.Sections)
            foreach (var table in section.Tables)
            {
                var rows = table.Rows.Select(r => Row(table.Columns, r)).ToList();
                sheets[SheetName($"{section.Title.Current}-{table.Caption.Current}", sheets.Keys)] =
                    rows.Count > 0 ? rows : [new Dictionary<string, object?> { [table.Columns.FirstOrDefault()?.Current ?? "记录"] = "本月无记录" }];
            }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(IReadOnlyList<LocalizedText> columns, IReadOnlyList<string> cells)
    {
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < columns.Count; i++)
        {
            var name = columns[i].Current;
            while (row.ContainsKey(name)) name += " ";
            row[name] = i < cells.Count ? cells[i] : null;
        }
        return row;
    }

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet's name, each name once.</summary>
    private static string SheetName(string wanted, IEnumerable<string> taken)
    {
        var clean = new string(wanted.Select(c => "[]:*?/\\".Contains(c) ? '-' : c).ToArray());
        var name = clean.Length > 31 ? clean[..31] : clean;
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var n = 2; used.Contains(name); n++)
        {
            var suffix = $"({n})";
            name = (clean.Length > 31 - suffix.Length ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return name;
    }
}
