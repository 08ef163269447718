using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Localization;
using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Host.Pages.Directory.Members;

/// <summary>Adds or edits a member within the organisations in the user's care; ID and phone numbers are checked and stored protected.</summary>
/// <remarks>
/// The form never shows the stored birth date: it is the part of the ID number the mask hides. Left empty it keeps
/// the date on file; while an ID number is on file the date is the one the number states.
/// </remarks>
public sealed class EditModel(DirectoryDbContext db, DirectoryService directory, PersonalDataProtector protector, IText text, ICurrentUser user, IAgencyClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public MemberInput Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Groups { get; private set; } = [];
    public string? CurrentIdMasked { get; private set; }
    public string? CurrentPhoneMasked { get; private set; }
    public bool HasBirthDateOnFile { get; private set; }
    public bool HasIdNumberOnFile { get; private set; }

    public sealed class MemberInput
    {
        [Required(ErrorMessage = "Please enter the member's name.")]
        [StringLength(50, ErrorMessage = "The name can be at most {1} characters.")]
        public string Name { get; set; } = "";
        public Gender Gender { get; set; }
        [StringLength(20, ErrorMessage = "This field can be at most {1} characters.")] public string? Ethnicity { get; set; }
        public DateOnly? BirthDate { get; set; }
        [StringLength(18)] public string? IdNumber { get; set; }
        [StringLength(11)] public string? Phone { get; set; }
        [StringLength(20)] public string? Education { get; set; }
        [StringLength(50)] public string? Title { get; set; }
        public int OrganizationId { get; set; }
        public int? GroupId { get; set; }
        public MemberStage Stage { get; set; } = MemberStage.FullMember;
        public MemberSituation Situation { get; set; }
        public DateOnly? SituationSince { get; set; }
        public DateOnly? ApplicationDate { get; set; }
        public DateOnly? ActivistDate { get; set; }
        public DateOnly? CandidateDate { get; set; }
        public DateOnly? JoinedDate { get; set; }
        public DateOnly? FullMemberDate { get; set; }

        public StageDates StageDates => new(Stage, null, ApplicationDate, ActivistDate, CandidateDate, JoinedDate, FullMemberDate);
        public bool IsLeadingCadre { get; set; }
        public long Version { get; set; }
    }

    private async Task<DataScope?> LoadChoicesAsync(CancellationToken ct)
    {
        var scope = await directory.GetCurrentScopeAsync(ct);
        if (!scope.AgencyWide && scope.OrganizationIds.Count == 0) return null;
        var orgs = await db.Organizations.AsNoTracking().OrderBy(o => o.Path).ToListAsync(ct);
        Organizations = orgs.Where(o => o.Kind != OrganizationKind.PartyGroup && scope.CanSeeOrganization(o.Id)).Select(o => (o.Id, o.Name)).ToList();
        Groups = orgs.Where(o => o.Kind == OrganizationKind.PartyGroup && scope.CanSeeOrganization(o.Id))
            .Select(o => (o.Id, orgs.FirstOrDefault(p => p.Id == o.ParentId)?.Name + " / " + o.Name)).ToList();
        return scope;
    }

    public async Task<IActionResult> OnGetAsync(int? org, CancellationToken ct)
    {
        var scope = await LoadChoicesAsync(ct);
        if (scope is null) return NotFound();
        if (Id is null)
        {
            Input.OrganizationId = org ?? 0;
            return Page();
        }
        var m = await db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (m is null || !scope.CanSeeOrganization(m.OrganizationId)) return NotFound();
        CurrentIdMasked = m.IdNumberMasked;
        CurrentPhoneMasked = m.PhoneMasked;
        HasBirthDateOnFile = m.BirthDate is not null;
        HasIdNumberOnFile = m.IdNumberProtected is not null;
        Input = new MemberInput
        {
            Name = m.Name, Gender = m.Gender, Ethnicity = m.Ethnicity, Education = m.Education, Title = m.Title,
            OrganizationId = m.OrganizationId, GroupId = m.GroupId, Stage = m.Stage, Situation = m.Situation, SituationSince = m.SituationSince,
            ApplicationDate = m.ApplicationDate, ActivistDate = m.ActivistDate, CandidateDate = m.CandidateDate, JoinedDate = m.JoinedDate,
            FullMemberDate = m.FullMemberDate, IsLeadingCadre = m.IsLeadingCadre, Version = m.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadChoicesAsync(ct);
        if (scope is null) return NotFound();
        Member? member = null;
        if (Id is not null)
        {
            member = await db.Members.FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (member is null || !scope.CanSeeOrganization(member.OrganizationId)) return NotFound();
            CurrentIdMasked = member.IdNumberMasked;
            CurrentPhoneMasked = member.PhoneMasked;
            HasBirthDateOnFile = member.BirthDate is not null;
            HasIdNumberOnFile = member.IdNumberProtected is not null;
        }
        Input.Name = Input.Name?.Trim() ?? "";
        Input.IdNumber = string.IsNullOrWhiteSpace(Input.IdNumber) ? null : Input.IdNumber.Trim().ToUpperInvariant();
        Input.Phone = string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim();
        var today = clock.Today;
        if (Organizations.All(o => o.Id != Input.OrganizationId)) ModelState.AddModelError("Input.OrganizationId", text["Choose an organisation in your care."]);
        if (Input.GroupId is { } g)
        {
            var group = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == g && o.Kind == OrganizationKind.PartyGroup, ct);
            if (group is null || group.ParentId != Input.OrganizationId) ModelState.AddModelError("Input.GroupId", text["The Party group must belong to the chosen organisation."]);
        }
        // A date entered beside a number on file is refused whatever it is: comparing it with the number would
        // answer a guess at the hidden digits.
        if (Input.IdNumber is null && HasIdNumberOnFile && Input.BirthDate is not null)
            ModelState.AddModelError("Input.BirthDate", text["The date of birth comes from the ID number on file; enter the ID number again to change it."]);
        var onFile = user.IsInAgencyRole(Roles.AgencyAdmin) ? member?.BirthDate : null;
        if (!Enum.IsDefined(Input.Stage)) ModelState.AddModelError("Input.Stage", text["Choose the stage from the list."]);
        if (!Enum.IsDefined(Input.Situation)) ModelState.AddModelError("Input.Situation", text["Choose the situation from the list."]);
        if (Input.SituationSince > today) ModelState.AddModelError("Input.SituationSince", text["The date cannot be in the future."]);
        foreach (var p in MemberRules.Check(new(Input.IdNumber, Input.Phone, Input.BirthDate, Input.StageDates, onFile), today))
            ModelState.AddModelError("Input." + p.Field, text[p.Message, p.Args]);
        if (Input.IdNumber is { } idNumber && PersonalDataFormat.IsValidIdNumber(idNumber)) Input.BirthDate ??= PersonalDataFormat.BirthDateOf(idNumber);
        if (!ModelState.IsValid)
        {
            Input.IdNumber = null; // never echo a full ID number back into the page
            return Page();
        }
        member ??= new Member();
        if (member.Id != 0) db.Entry(member).Property(x => x.Version).OriginalValue = Input.Version;
        member.Name = Input.Name;
        member.Gender = Input.Gender;
        member.Ethnicity = Input.Ethnicity?.Trim();
        // Empty keeps the date on file (the form never shows it).
        if (Input.BirthDate is not null) member.BirthDate = Input.BirthDate;
        member.Education = Input.Education?.Trim();
        member.Title = Input.Title?.Trim();
        member.OrganizationId = Input.OrganizationId;
        member.GroupId = Input.GroupId;
        member.SetStageDates(Input.StageDates);
        member.Situation = Input.Situation;
        // A normal situation has no date; another keeps the one entered.
        member.SituationSince = Input.Situation == MemberSituation.Normal ? null : Input.SituationSince;
        member.IsLeadingCadre = Input.IsLeadingCadre;
        if (Input.IdNumber is not null) protector.SetIdNumber(member, Input.IdNumber);
        if (Input.Phone is not null) protector.SetPhone(member, Input.Phone);
        if (member.Id == 0) db.Members.Add(member);
        if (!await this.TrySaveAsync(db, ct))
        {
            Input.IdNumber = null;
            return Page();
        }
        return this.RedirectWithMessage(text["Saved."], "Details", new { id = member.Id });
    }
}
