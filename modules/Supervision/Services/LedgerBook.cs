namespace Modular.Modules.Supervision.Services;

/// <summary>A rectification ledger as an Excel workbook (MiniExcel) and as a Word document in the official layout.</summary>
public sealed class LedgerBook(SupervisionDbContext db, PeopleLookup people, IWordDocuments word, IAgencyClock clock, IStringLocalizer<SupervisionModule> T)
{
    private sealed record Row(int No, string Problem, string Measures, string Owner, string Deadline, string Status, string ClosedOn, string Note);

    private async Task<List<Row>> RowsAsync(RectificationLedger ledger, CancellationToken ct)
    {
        var items = await db.Items.AsNoTracking().Where(i => i.LedgerId == ledger.Id).OrderBy(i => i.Id).ToListAsync(ct);
        var names = await people.NamesAsync(items.Select(i => i.OwnerMemberId), ct);
        var orgs = await people.OrganizationsByIdAsync(ct);
        var today = clock.Today;
        return items.Select((i, n) => new Row(n + 1, i.Problem, i.Measures,
            string.Join(" ", new[] { i.OwnerOrganizationId is { } o && orgs.TryGetValue(o, out var org) ? org.Name : null,
                i.OwnerMemberId is { } m && names.TryGetValue(m, out var who) ? who.Name : null }.Where(s => s is not null)),
            i.Deadline.ToString("yyyy-MM-dd"),
            i.Status == ItemStatus.Closed ? T["Closed"] : LedgerRules.IsOverdue(i.Status, i.Deadline, today) ? T["Overdue"] : T["Open"],
            i.ClosedOn?.ToString("yyyy-MM-dd") ?? "", i.ClosingNote ?? "")).ToList();
    }

    private string[] Columns => [T["No."], T["Problem"], T["Measures"], T["Owner"], T["Deadline"], T["Status"], T["Closed on"], T["How it was rectified"]];

    public async Task<byte[]> ExcelAsync(RectificationLedger ledger, CancellationToken ct)
    {
        var columns = Columns;
        var rows = (await RowsAsync(ledger, ct)).Select(r => new Dictionary<string, object>
        {
            [columns[0]] = r.No, [columns[1]] = r.Problem, [columns[2]] = r.Measures, [columns[3]] = r.Owner,
            [columns[4]] = r.Deadline, [columns[5]] = r.Status, [columns[6]] = r.ClosedOn, [columns[7]] = r.Note,
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new Dictionary<string, object> { [T["Rectification ledger"].Value] = rows });
        return stream.ToArray();
    }

    public async Task<byte[]> WordAsync(RectificationLedger ledger, string agencyName, CancellationToken ct)
    {
        var rows = await RowsAsync(ledger, ct);
        var document = new WordDocument(T["{0} rectification ledger", ledger.Title]) { Subtitle = $"{ledger.Source}（{ledger.ReceivedOn:yyyy年M月d日}）" };
        document.Paragraph(T["{0} items, {1} closed, {2} open ({3} overdue).", rows.Count, rows.Count(r => r.ClosedOn.Length > 0),
            rows.Count(r => r.ClosedOn.Length == 0), rows.Count(r => r.Status == T["Overdue"])]);
        document.Table(Columns, rows.Select(r => (IReadOnlyList<string>)[r.No.ToString(), r.Problem, r.Measures, r.Owner, r.Deadline, r.Status, r.ClosedOn, r.Note]));
        document.Signature(agencyName, clock.Today);
        return word.Render(document);
    }
}
