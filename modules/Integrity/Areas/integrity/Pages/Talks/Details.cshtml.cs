namespace Modular.Modules.Integrity.Pages.Talks;

/// <summary>One integrity talk; opening it is written to the audit log.</summary>
public sealed class DetailsModel(TalkLog log, PeopleLookup people) : IntegrityPage
{
    public IntegrityTalk Talk { get; private set; } = null!;
    public string Talker { get; private set; } = "";
    public string Talkee { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await log.ViewAsync(id, ct) is not { } talk) return NotFound();
        Talk = talk;
        await people.NamesAsync([talk.TalkerMemberId, talk.TalkeeMemberId], ct);
        Talker = await people.NameAsync(talk.TalkerMemberId, ct);
        Talkee = await people.NameAsync(talk.TalkeeMemberId, ct);
        return Page();
    }
}
