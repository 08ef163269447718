namespace Modular.Modules.Dues.Services;

/// <summary>
/// Imports a bank statement: each line naming a member of the user's branches whose amount is exactly what their oldest
/// unpaid months come to is recorded as a payment (channel bank); every other line is listed with the reason, unrecorded.
/// A line recorded before (same member, date and amount from a statement) is not recorded twice.
/// </summary>
public sealed class StatementImport(DuesDbContext db, DuesAccess access, DuesLedger ledger, PaymentRecorder recorder)
{
    public sealed record Recorded(int Row, string Name, decimal Amount, DateOnly Date, string Months, int PaymentId, string ReceiptNo);
    public sealed record Outcome(IReadOnlyList<Recorded> Recorded, IReadOnlyList<SheetProblem> Unmatched);

    public static byte[] Template()
    {
        var rows = new[]
        {
            new Dictionary<string, object?> { [StatementSheet.Number] = "", [StatementSheet.Name] = "张三", [StatementSheet.Amount] = 97.5m, [StatementSheet.Date] = "2026-05-08" },
        };
        return ExcelSheet.Write(rows);
    }

    public async Task<Outcome> ImportAsync(Stream file, CancellationToken ct)
    {
        if (ExcelSheet.Read(file) is not { } rows) return new Outcome([], [ExcelSheet.Unreadable]);
        if (rows.Count == 0) return new Outcome([], [new SheetProblem(0, "", "The file has no rows of data.")]);
        var missing = new[] { StatementSheet.Amount, StatementSheet.Date }.Where(c => !rows[0].ContainsKey(c))
            .Concat(rows[0].ContainsKey(StatementSheet.Name) || rows[0].ContainsKey(StatementSheet.Number) ? [] : [StatementSheet.Name]).ToList();
        if (missing.Count > 0) return new Outcome([], [new SheetProblem(1, string.Join("、", missing), "Columns are missing: use the downloaded template.")]);

        var payers = (await access.PayersAsync(ct)).ToDictionary(p => p.Member.Id);
        var lines = StatementSheet.Read(rows, payers.Values.Select(p => new SheetMember(p.Member.Id, p.Member.Name)).ToList());
        var recorded = new List<Recorded>();
        var unmatched = new List<SheetProblem>();
        foreach (var line in lines)
        {
            if (line.Problem is { } problem) { unmatched.Add(problem); continue; }
            var (member, branch) = payers[line.Member!.Id];
            var amount = line.Amount!.Value;
            var date = line.Date!.Value;
            if (await db.Payments.AnyAsync(p => p.MemberId == member.Id && p.PaidOn == date && p.FromStatement && p.Amount == amount, ct))
            {
                unmatched.Add(new SheetProblem(line.Row, StatementSheet.Amount, "Recorded from a statement before: not recorded twice."));
                continue;
            }
            var dues = await ledger.ForAsync(member, branch, ct);
            if (StatementSheet.Match(amount, date, dues.Schedule, dues.Paid) is not { } months)
            {
                unmatched.Add(new SheetProblem(line.Row, StatementSheet.Amount, "{0:0.00} yuan is not what {1}'s oldest unpaid months come to.", amount, member.Name));
                continue;
            }
            var last = months[^1];
            var outcome = await recorder.RecordAsync(member, branch,
                new PaymentLine(date, months[0], months.Count, amount, PaymentMode.Monthly, PaymentChannel.Bank, null, null),
                fromStatement: true, ct);
            if (outcome.Payment is { } p)
                recorded.Add(new Recorded(line.Row, member.Name, amount, date, $"{Months.Text(months[0])} — {Months.Text(last)}", p.Id, p.ReceiptNo));
            else
                unmatched.Add(new SheetProblem(line.Row, StatementSheet.Amount, outcome.Problems[0].Message, outcome.Problems[0].Args));
        }
        return new Outcome(recorded, unmatched);
    }
}
