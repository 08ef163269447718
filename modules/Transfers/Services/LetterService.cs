namespace Modular.Modules.Transfers.Services;

/// <summary>
/// Introduction letters out of the portal: issued with the next number of the year (the member's situation becomes
/// transferred out through the directory, audited there), the return slip recorded, or the letter cancelled (the member
/// did not go: back on the roster) or reissued with a note. Printed as Word in three parts: 存根, 介绍信, 回执.
/// </summary>
public sealed class LetterService(TransfersDbContext db, IMemberChanges changes, IDirectory directory, ICurrentAgency agency, IAgencyClock clock,
    IStringLocalizer<TransfersModule> T)
{
    public sealed record Outcome(int? LetterId, IReadOnlyList<Problem> Problems);

    /// <summary>Pocket members today: letters issued, without a slip, past their last valid day.</summary>
    public IQueryable<Letter> Pocket() { var today = clock.Today; return db.Letters.Where(l => l.Status == LetterStatus.Issued && l.ValidUntil < today); }

    public async Task<Outcome> IssueAsync(int? memberId, string? destination, DateOnly? issuedOn, int? validityMonths, DateOnly? duesPaidThrough, string? duesText,
        CancellationToken ct)
    {
        var problems = LetterRules.Issue(destination, issuedOn, validityMonths, duesText, clock.Today);
        var member = memberId is { } id ? await directory.GetMemberAsync(id, ct) : null;
        if (member is null || !member.IsOnRoster) problems.Add(new("MemberId", "Choose the member."));
        if (problems.Count > 0) return new(null, problems);
        var changed = await changes.ChangeSituationAsync(TransfersModule.Id,
            new SituationChange(member!.Id, MemberSituation.TransferredOut, issuedOn!.Value, T["Introduction letter to {0}", destination!.Trim()]), ct);
        if (!changed.Succeeded) return new(null, changed.Problems);
        var letter = await AddAsync(member.Id, member.OrganizationId, destination.Trim(), issuedOn.Value, validityMonths!.Value, duesPaidThrough ?? DuesMonth.Parse(duesText), null, ct);
        return new(letter.Id, []);
    }

    public async Task<IReadOnlyList<Problem>> RecordSlipAsync(Letter letter, DateOnly? receivedOn, string? note, CancellationToken ct)
    {
        if (letter.Status != LetterStatus.Issued) return [new("", "The letter is already resolved.")];
        var problems = LetterRules.Slip(receivedOn, letter.IssuedOn, clock.Today);
        if (note?.Trim().Length > 200) problems.Add(new("SlipNote", "The text can be at most {0} characters.", 200));
        if (problems.Count > 0) return problems;
        (letter.Status, letter.SlipReceivedOn, letter.SlipNote, letter.ResolvedOn) = (LetterStatus.SlipReturned, receivedOn, note?.Trim(), receivedOn);
        return await SaveAsync(ct);
    }

    /// <summary>Cancels an unresolved letter: the member did not go, and is back on the roster as normal.</summary>
    public async Task<IReadOnlyList<Problem>> CancelAsync(Letter letter, string? note, CancellationToken ct)
    {
        if (letter.Status != LetterStatus.Issued) return [new("", "The letter is already resolved.")];
        var problems = LetterRules.Note(note);
        if (problems.Count > 0) return problems;
        var back = await changes.ChangeSituationAsync(TransfersModule.Id, new SituationChange(letter.MemberId, MemberSituation.Normal, clock.Today,
            T["Introduction letter {0} cancelled: {1}", letter.Number, note!.Trim()]), ct);
        if (!back.Succeeded) return back.Problems;
        (letter.Status, letter.ResolutionNote, letter.ResolvedOn) = (LetterStatus.Cancelled, note.Trim(), clock.Today);
        return await SaveAsync(ct);
    }

    /// <summary>Replaces an unresolved letter with a new one (next number, valid from today); the member stays transferred out.</summary>
    public async Task<Outcome> ReissueAsync(Letter letter, string? note, int validityMonths, CancellationToken ct)
    {
        if (letter.Status != LetterStatus.Issued) return new(null, [new("", "The letter is already resolved.")]);
        var problems = LetterRules.Note(note);
        if (problems.Count > 0) return new(null, problems);
        (letter.Status, letter.ResolutionNote, letter.ResolvedOn) = (LetterStatus.Reissued, note!.Trim(), clock.Today);
        var saved = await SaveAsync(ct);
        if (saved.Count > 0) return new(null, saved);
        var copy = await AddAsync(letter.MemberId, letter.OrganizationId, letter.Destination, clock.Today, validityMonths, letter.DuesPaidThrough, letter.Id, ct);
        return new(copy.Id, []);
    }

    // The number is the year's next; two offices issuing at once collide on the unique index, and the second takes the one after.
    private async Task<Letter> AddAsync(int memberId, int organizationId, string destination, DateOnly issuedOn, int months, DateOnly? dues, int? replaces, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var used = await db.Letters.Where(l => l.Year == issuedOn.Year).Select(l => l.Sequence).ToListAsync(ct);
            var letter = new Letter
            {
                Year = issuedOn.Year, Sequence = LetterNumbers.Next(used), MemberId = memberId, OrganizationId = organizationId, Destination = destination,
                IssuedOn = issuedOn, ValidUntil = Validity.LastDay(issuedOn, months), DuesPaidThrough = dues, Status = LetterStatus.Issued, ReplacesLetterId = replaces,
            };
            db.Letters.Add(letter);
            try
            {
                await db.SaveChangesAsync(ct);
                return letter;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.Entry(letter).State = EntityState.Detached;
            }
        }
    }

    private Task<IReadOnlyList<Problem>> SaveAsync(CancellationToken ct) => db.SaveOrStaleAsync(ct);

    /// <summary>The letter in the usual three parts: the stub kept by the office, the letter, and the return slip.</summary>
    public async Task<WordDocument> DocumentAsync(Letter letter, CancellationToken ct)
    {
        var member = await directory.GetMemberAsync(letter.MemberId, ct);
        var org = await directory.GetOrganizationAsync(letter.OrganizationId, ct);
        var root = (await directory.GetOrganizationsAsync(ct)).FirstOrDefault(o => o.ParentId is null);
        var name = member?.Name ?? "";
        var stage = member?.Stage == MemberStage.ProbationaryMember ? "预备党员" : "正式党员";
        var gender = member?.Gender switch { Gender.Male => "男", Gender.Female => "女", _ => "" };
        var signer = root?.Name ?? agency.Name ?? "";
        var doc = new WordDocument("中国共产党党员组织关系介绍信") { Subtitle = letter.Number };
        doc.Heading("存根", 2)
            .Paragraph($"{name}同志（{gender}，{stage}）的组织关系由{org?.Name}转到{letter.Destination}。")
            .Paragraph($"党费交到{DuesMonth.Words(letter.DuesPaidThrough)}。有效期至{letter.ValidUntil:yyyy年M月d日}。")
            .Signature(signer, letter.IssuedOn)
            .PageBreak()
            .Heading("中国共产党党员组织关系介绍信", 2)
            .Paragraph($"{letter.Destination}：")
            .Paragraph($"　　{name}同志（{gender}，{stage}）的党员组织关系由{org?.Name}转去，请接洽。该同志党费已交到{DuesMonth.Words(letter.DuesPaidThrough)}。")
            .Paragraph($"（有效期至{letter.ValidUntil:yyyy年M月d日}）")
            .Signature(signer, letter.IssuedOn)
            .PageBreak()
            .Heading("回执", 2)
            .Paragraph($"{signer}：")
            .Paragraph($"　　{name}同志的党员组织关系已转达我处，特此回复。（介绍信{letter.Number}）")
            .SignatureLine("接收党组织（盖章）")
            .SignatureLine("日期");
        return doc;
    }
}
