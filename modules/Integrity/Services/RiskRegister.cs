namespace Modular.Modules.Integrity.Services;

/// <summary>The yearly review round of the risk register and the Excel export.</summary>
public sealed class RiskRegister(IntegrityDbContext db, PeopleLookup people, IStringLocalizer<IntegrityModule> T)
{
    public sealed record Progress(int Total, int Reviewed, int Confirmed, int Updated)
    {
        public int Percent => Total == 0 ? 0 : Reviewed * 100 / Total;
    }

    /// <summary>Starts the round for a year: every risk point of the register goes to its owner. Null when it started, else the field and problem.</summary>
    public async Task<(string Field, string Message)?> StartRoundAsync(int year, DateOnly deadline, DateOnly today, CancellationToken ct)
    {
        if (year < today.Year - 1 || year > today.Year + 1) return ("RoundYear", T["Choose this year, last year or next year."]);
        if (deadline < today) return ("Deadline", T["The deadline cannot be in the past."]);
        if (await db.ReviewRounds.AnyAsync(r => r.Year == year, ct)) return ("RoundYear", T["The review round of {0} has already been started.", year]);
        var risks = await db.Risks.AsNoTracking().Select(r => new { r.Id, r.OwnerMemberId }).ToListAsync(ct);
        if (risks.Count == 0) return ("RoundYear", T["The register has no risk points to review yet."]);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var round = db.ReviewRounds.Add(new RiskReviewRound { Year = year, StartedOn = today, Deadline = deadline }).Entity;
        await db.SaveChangesAsync(ct);
        foreach (var r in risks) db.Reviews.Add(new RiskReview { RoundId = round.Id, RiskId = r.Id, OwnerMemberId = r.OwnerMemberId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    public Task<RiskReviewRound?> LatestRoundAsync(CancellationToken ct) =>
        db.ReviewRounds.AsNoTracking().OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);

    public async Task<Progress> ProgressAsync(int roundId, CancellationToken ct)
    {
        var counts = await db.Reviews.AsNoTracking().Where(r => r.RoundId == roundId).GroupBy(r => r.Outcome)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(ReviewOutcome o) => counts.FirstOrDefault(c => c.Key == o)?.Count ?? 0;
        var total = counts.Sum(c => c.Count);
        return new Progress(total, total - Of(ReviewOutcome.Pending), Of(ReviewOutcome.Confirmed), Of(ReviewOutcome.Updated));
    }

    /// <summary>The owner's answer for one risk point of a round: confirmed as it stands. False when it is not theirs or already answered.</summary>
    public async Task<bool> ConfirmAsync(int reviewId, int memberId, DateOnly today, CancellationToken ct)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId && r.OwnerMemberId == memberId && r.Outcome == ReviewOutcome.Pending, ct);
        if (review is null) return false;
        var risk = await db.Risks.FirstAsync(r => r.Id == review.RiskId, ct);
        Reviewed(risk, today);
        review.Outcome = ReviewOutcome.Confirmed;
        review.ReviewedOn = today;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The owner reviewed a point (confirmed or updated, on its own page): the next review is a year on, and the
    /// pending review of a round, if any, is answered. The caller saves.
    /// </summary>
    public async Task MarkReviewedAsync(IntegrityRisk risk, ReviewOutcome outcome, DateOnly today, CancellationToken ct)
    {
        Reviewed(risk, today);
        foreach (var review in await db.Reviews.Where(r => r.RiskId == risk.Id && r.OwnerMemberId == risk.OwnerMemberId && r.Outcome == ReviewOutcome.Pending).ToListAsync(ct))
        {
            review.Outcome = outcome;
            review.ReviewedOn = today;
        }
    }

    private static void Reviewed(IntegrityRisk risk, DateOnly today)
    {
        risk.LastReviewedOn = today;
        risk.NextReviewDate = today.AddYears(1);
    }

    /// <summary>The register as a workbook (MiniExcel): one row per risk point, the owner by name.</summary>
    public async Task<byte[]> ExportAsync(CancellationToken ct)
    {
        var risks = await db.Risks.AsNoTracking().OrderBy(r => r.OrganizationId).ThenBy(r => r.Post).ToListAsync(ct);
        await people.NamesAsync(risks.Select(r => r.OwnerMemberId), ct);
        var rows = new List<Dictionary<string, object?>>();
        foreach (var r in risks)
            rows.Add(new()
            {
                [T["Department"].Value] = await people.OrganizationNameAsync(r.OrganizationId, ct, missing: "—"),
                [T["Post"].Value] = r.Post,
                [T["Risk"].Value] = r.Description,
                [T["Level"].Value] = T[Labels.Level(r.Level)].Value,
                [T["Control measures"].Value] = r.Measures,
                [T["Owner"].Value] = await people.NameAsync(r.OwnerMemberId, ct),
                [T["Next review"].Value] = r.NextReviewDate.ToString("yyyy-MM-dd"),
                [T["Last reviewed"].Value] = r.LastReviewedOn?.ToString("yyyy-MM-dd") ?? "",
            });
        if (rows.Count == 0) rows.Add(new() { [T["Department"].Value] = T["The register is empty."].Value });
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new Dictionary<string, object> { [T["Integrity-risk register"].Value] = rows });
        return stream.ToArray();
    }
}
