using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Modules.Integrity.Data;
using Modular.Modules.Integrity.Domain;
using Modular.Modules.Integrity.Services;

namespace Modular.Modules.Integrity.Pages.Talks;

/// <summary>Records or corrects an integrity talk (those who may see talks).</summary>
public sealed class EditModel(IntegrityDbContext db, IntegrityAccess access, People people, TalkLog log, TimeProvider clock, IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public sealed class TalkForm
    {
        public TalkKind Kind { get; set; }
        public DateOnly? Date { get; set; }
        public int? TalkerMemberId { get; set; }
        public int? TalkeeMemberId { get; set; }
        public string? Summary { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public TalkForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.CanSeeTalksAsync(ct)) return NotFound();
        if (Id is not null)
        {
            // The form shows the summary: a view like any other, audited.
            var t = await log.ViewAsync(Id.Value, ct);
            if (t is null) return NotFound();
            Input = new TalkForm { Kind = t.Kind, Date = t.Date, TalkerMemberId = t.TalkerMemberId, TalkeeMemberId = t.TalkeeMemberId, Summary = t.Summary, Version = t.Version };
        }
        else
        {
            Input.Date = FestivalPlanner.Today(clock.GetUtcNow(), clock);
            Input.TalkerMemberId = (await access.MeAsync(ct))?.Id;
        }
        await LoadChoicesAsync(people, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await access.CanSeeTalksAsync(ct)) return NotFound();
        IntegrityTalk? existing = null;
        if (Id is not null && (existing = await db.Talks.FirstOrDefaultAsync(x => x.Id == Id, ct)) is null) return NotFound();
        var badDate = BadDate("Input.Date");
        foreach (var key in new[] { "Input.Date", "Input.TalkerMemberId", "Input.TalkeeMemberId" }) ModelState.Remove(key);
        var today = FestivalPlanner.Today(clock.GetUtcNow(), clock);
        if (Input.Date is null) ModelState.AddModelError("Input.Date", badDate ? T["Please enter a valid date."] : T["Please enter the date of the talk."]);
        else if (Input.Date > today) ModelState.AddModelError("Input.Date", T["A talk is recorded after it took place: the date cannot be in the future."]);
        if (Input.TalkerMemberId is not { } talker || !await people.IsMemberAsync(talker, ct)) ModelState.AddModelError("Input.TalkerMemberId", T["Please choose who held the talk."]);
        if (Input.TalkeeMemberId is not { } talkee || !await people.IsMemberAsync(talkee, ct)) ModelState.AddModelError("Input.TalkeeMemberId", T["Please choose who the talk was with."]);
        else if (talkee == Input.TalkerMemberId) ModelState.AddModelError("Input.TalkeeMemberId", T["A talk is between two different people."]);
        Input.Summary = Input.Summary?.Trim();
        if (string.IsNullOrEmpty(Input.Summary)) ModelState.AddModelError("Input.Summary", T["Please write a short summary of the talk."]);
        else if (Input.Summary.Length > 4000) ModelState.AddModelError("Input.Summary", T["The summary can be at most 4000 characters."]);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(people, ct);
            return Page();
        }
        var talk = existing ?? db.Talks.Add(new IntegrityTalk()).Entity;
        if (existing is not null) db.Entry(talk).Property(t => t.Version).OriginalValue = Input.Version;
        talk.Kind = Input.Kind;
        talk.Date = Input.Date!.Value;
        talk.TalkerMemberId = Input.TalkerMemberId!.Value;
        talk.TalkeeMemberId = Input.TalkeeMemberId!.Value;
        talk.Summary = Input.Summary!;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", T["Someone else changed this record while you were editing. Reload the page and make your change again."]);
            await LoadChoicesAsync(people, ct);
            return Page();
        }
        TempData["Message"] = T["Saved."].Value;
        return RedirectToPage("Details", new { id = talk.Id });
    }
}
