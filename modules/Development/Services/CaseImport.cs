using MiniExcelLibs;

namespace Modular.Modules.Development.Services;

/// <summary>
/// Imports people already on the way from the Excel template (<see cref="CaseSheet"/>): every row is checked against the
/// step gates first, and nothing is imported unless all rows are valid. Then each person's stage is moved in the
/// directory through <see cref="IMemberChanges"/> (audited there, as the recorder does), and the cases are saved in one
/// transaction (audited by the host like every change of the module's context). Should the directory refuse a move, the
/// moves made so far are taken back where the directory allows it and nothing is saved.
/// </summary>
public sealed class CaseImport(DevelopmentDbContext db, DevelopmentAccess access, PeopleLookup people, IDirectory directory, IMemberChanges changes,
    ICurrentMember member, IAgencyClock clock, IAuditLog audit)
{
    public sealed record Outcome(int Imported, IReadOnlyList<SheetProblem> Problems);

    /// <summary>The template: the sheet to fill in, and a roster sheet with the people of the user's branches not yet full members, and their numbers.</summary>
    public async Task<byte[]> TemplateAsync(CancellationToken ct)
    {
        var branches = await access.WorkBranchesAsync(ct);
        var taken = (await db.Cases.AsNoTracking().Select(c => c.MemberId).ToListAsync(ct)).ToHashSet();
        var roster = new List<Dictionary<string, object?>>();
        foreach (var m in (await people.CurrentMembersAsync(ct)).Values.Where(m => m.Stage < MemberStage.FullMember).OrderBy(m => m.Name, StringComparer.Ordinal))
            if (branches.Contains(await people.BranchOfAsync(m.Id, ct) ?? m.OrganizationId))
                roster.Add(new()
                {
                    [CaseSheet.Name] = m.Name, [CaseSheet.Number] = m.Id, [CaseSheet.StageColumn] = CaseSheet.StageNames.First(n => n.Value == m.Stage).Key,
                    ["党支部"] = await people.OrganizationNameAsync(await people.BranchOfAsync(m.Id, ct), ct), ["已有进程记录"] = taken.Contains(m.Id) ? "是" : "否",
                });
        var sheets = new Dictionary<string, object> { [SheetName] = CaseSheet.TemplateRows(clock.Today) };
        if (roster.Count > 0) sheets[RosterSheet] = roster;
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    public const string SheetName = "发展党员";
    public const string RosterSheet = "花名册";

    public async Task<Outcome> ImportAsync(Stream file, CancellationToken ct)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = Rows(file);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Refused(0, "", "The file cannot be read: use the downloaded template (.xlsx).");
        }
        // A row left empty (Excel keeps formatted rows) is no row; its number still counts for those after it.
        var filled = rows.Select((r, i) => (Row: i + 2, Cells: r)).Where(r => r.Cells.Values.Any(v => v is not null && v.ToString()!.Trim().Length > 0)).ToList();
        if (filled.Count == 0) return Refused(0, "", "The file has no data rows.");
        if (rows.Count > CaseSheet.MaxRows) return Refused(0, "", "At most {0} rows can be imported at once: split the file.", CaseSheet.MaxRows);
        var missing = new[] { CaseSheet.StageColumn, CaseSheet.StepColumn(1) }.Where(c => !rows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0 || !(rows[0].ContainsKey(CaseSheet.Name) || rows[0].ContainsKey(CaseSheet.Number)))
            return Refused(1, string.Join("、", missing), "Columns are missing: use the downloaded template.");

        var members = await people.AllMembersAsync(ct);
        var branches = await access.WorkBranchesAsync(ct);
        var taken = (await db.Cases.AsNoTracking().Select(c => c.MemberId).ToListAsync(ct)).ToHashSet();
        var branchOf = new Dictionary<int, int>();
        foreach (var m in members.Values) branchOf[m.Id] = await people.BranchOfAsync(m.Id, ct) ?? m.OrganizationId;
        // The age at the application is the directory's to tell (it keeps the birth date); asked once per row, before the check.
        var ages = new Dictionary<(int, DateOnly), int?>();
        foreach (var (_, cells) in filled)
            if (PersonOf(cells, members) is { } id && ApplicationDate(cells) is { } applied && !ages.ContainsKey((id, applied)))
                ages[(id, applied)] = await directory.AgeOnAsync(id, applied, ct);
        var context = new SheetContext(members, m => branches.Contains(branchOf.GetValueOrDefault(m.Id, m.OrganizationId)), taken.Contains,
            (id, date) => ages.GetValueOrDefault((id, date)));

        var problems = new List<SheetProblem>();
        var cases = new List<SheetCase>();
        var seen = new Dictionary<int, int>();
        foreach (var (row, cells) in filled)
        {
            if (CaseSheet.Check(row, cells, context, clock.Today, problems) is not { } c) continue;
            if (seen.TryGetValue(c.Person.Id, out var first)) problems.Add(new SheetProblem(row, CaseSheet.Name, "The same person as row {0}.", first));
            else { seen[c.Person.Id] = row; cases.Add(c); }
        }
        if (problems.Count > 0) return new Outcome(0, problems);

        var moved = new List<(int MemberId, MemberStage From)>();
        foreach (var c in cases)
        {
            var refused = await MoveAsync(c, moved, ct);
            if (refused.Count > 0)
            {
                await TakeBackAsync(moved, ct);
                return new Outcome(0, refused.Select(p => new SheetProblem(c.Row, CaseSheet.StageColumn, p.Message, p.Args)).ToList());
            }
        }
        try
        {
            await SaveAsync(cases, branchOf, ct);
        }
        catch
        {
            await TakeBackAsync(moved, CancellationToken.None);
            throw;
        }
        await audit.WriteAsync("development.import", "Development.Case", $"{cases.Count} people, {cases.Sum(c => c.Entries.Count)} steps", cancellationToken: ct);
        return new Outcome(cases.Count, []);
    }

    /// <summary>Moves the person's directory stage through each stage the steps complete, one at a time, from where the directory has them.</summary>
    private async Task<IReadOnlyList<Problem>> MoveAsync(SheetCase c, List<(int, MemberStage)> moved, CancellationToken ct)
    {
        var history = new List<RecordedStep>();
        var current = c.Person.Stage;
        foreach (var e in c.Entries)
        {
            history.Add(new RecordedStep(e.Step, e.Date!.Value, !string.IsNullOrWhiteSpace(e.Conclusion), e.TrainingDays, e.TrainingHours, e.Outcome,
                e.Outcome == ProbationOutcome.Extend ? e.ExtensionMonths : null));
            if (Roster.StageAfter(e.Step, new CaseHistory(history), e.Date!.Value) is not { } change || change.Stage <= current) continue;
            var result = await changes.ChangeStageAsync(DevelopmentModule.Id,
                new StageChange(c.Person.Id, change.Stage, change.Date, $"development import, step {e.Step}: {Steps.Get(e.Step).Name}"), ct);
            if (!result.Succeeded) return result.Problems;
            moved.Add((c.Person.Id, current));
            current = change.Stage;
        }
        return [];
    }

    /// <summary>Moves people back to where they were, last move first. The directory allows it before admission only; a later move stays, and its audit line says so.</summary>
    private async Task TakeBackAsync(List<(int MemberId, MemberStage From)> moved, CancellationToken ct)
    {
        foreach (var (id, from) in Enumerable.Reverse(moved))
            await changes.ChangeStageAsync(DevelopmentModule.Id, new StageChange(id, from, clock.Today, "development import refused: stage taken back"), ct);
        moved.Clear();
    }

    private async Task SaveAsync(IReadOnlyList<SheetCase> cases, IReadOnlyDictionary<int, int> branchOf, CancellationToken ct)
    {
        var recordedBy = await member.IdAsync(ct);
        var now = clock.UtcNow.UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var saved = new List<(DevelopmentCase Case, SheetCase Row)>();
        foreach (var row in cases)
        {
            var c = new DevelopmentCase { MemberId = row.Person.Id, OrganizationId = branchOf[row.Person.Id], CreatedAt = now };
            foreach (var e in row.Entries) c.Steps.Add(CaseRecorder.ToStep(e, null, recordedBy, now));
            CaseRecorder.Summarise(c, CaseRecorder.HistoryOf(c.Steps));
            db.Cases.Add(c);
            saved.Add((c, row));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (c, row) in saved)
            foreach (var e in row.Entries)
            {
                foreach (var id in (e.Mentors ?? []).Distinct()) db.Helpers.Add(new CaseHelper { CaseId = c.Id, MemberId = id, Role = HelperRole.Mentor });
                foreach (var id in (e.Sponsors ?? []).Distinct()) db.Helpers.Add(new CaseHelper { CaseId = c.Id, MemberId = id, Role = HelperRole.Sponsor });
            }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The template's first sheet by name, else the workbook's first sheet (a sheet of one's own).</summary>
    private static List<IDictionary<string, object?>> Rows(Stream file)
    {
        var sheet = MiniExcel.GetSheetNames(file).Contains(SheetName) ? SheetName : null;
        file.Position = 0;
        return file.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().Take(CaseSheet.MaxRows + 1).ToList();
    }

    private static int? PersonOf(IDictionary<string, object?> cells, IReadOnlyDictionary<int, MemberInfo> members)
    {
        string? Text(string column) => cells.TryGetValue(column, out var v) && v?.ToString()?.Trim() is { Length: > 0 } s ? s : null;
        if (Text(CaseSheet.Number) is { } number) return int.TryParse(number, out var id) && members.ContainsKey(id) ? id : null;
        var named = Text(CaseSheet.Name) is { } name ? members.Values.Where(m => m.Name == name && m.IsOnRoster).Take(2).ToList() : [];
        return named.Count == 1 ? named[0].Id : null;
    }

    private static DateOnly? ApplicationDate(IDictionary<string, object?> cells) => CaseSheet.DateCell(cells, CaseSheet.StepColumn(Steps.Application));

    private static Outcome Refused(int row, string column, string message, params object?[] args) => new(0, [new SheetProblem(row, column, message, args)]);
}
