using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Localization;
using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Host.Pages.Directory.Organizations;

/// <summary>Creates or edits an organisation (the agency's Party office only); keeps the tree's paths and rules.</summary>
[Authorize(Policy = Policies.AgencyAdmin)]
public sealed class EditModel(DirectoryDbContext db, DirectoryLabels labels, IText text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public OrganizationInput Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Name)> Parents { get; private set; } = [];

    public sealed class OrganizationInput
    {
        [Required(ErrorMessage = "Please enter the organisation's name.")]
        [StringLength(100, ErrorMessage = "The name can be at most {1} characters.")]
        public string Name { get; set; } = "";
        public OrganizationKind Kind { get; set; } = OrganizationKind.Branch;
        public int? ParentId { get; set; }
        public bool IsWindowBranch { get; set; }
        public DateOnly? TermStart { get; set; }
        public DateOnly? TermEnd { get; set; }
        public long Version { get; set; }
    }

    private async Task LoadParentsAsync(CancellationToken ct) =>
        Parents = (await db.Organizations.AsNoTracking().Where(o => o.Kind != OrganizationKind.PartyGroup && o.Id != (Id ?? 0))
            .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(ct))
            .Select(o => (o.Id, new string('　', o.Path.Count(c => c == '/') - 2) + o.Name)).ToList();

    public async Task<IActionResult> OnGetAsync(int? parentId, CancellationToken ct)
    {
        await LoadParentsAsync(ct);
        if (Id is null)
        {
            // A new branch most often sits under the agency's Party committee.
            Input.ParentId = parentId ?? await db.Organizations.Where(o => o.Kind == OrganizationKind.AgencyCommittee).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
            if (parentId is { } p && await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == p, ct) is { } parent)
                Input.Kind = parent.Kind == OrganizationKind.Branch ? OrganizationKind.PartyGroup : OrganizationKind.Branch;
            return Page();
        }
        var o = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (o is null) return NotFound();
        Input = new OrganizationInput { Name = o.Name, Kind = o.Kind, ParentId = o.ParentId, IsWindowBranch = o.IsWindowBranch, TermStart = o.TermStart, TermEnd = o.TermEnd, Version = o.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadParentsAsync(ct);
        Input.Name = Input.Name?.Trim() ?? "";
        Organization? existing = null;
        if (Id is not null && (existing = await db.Organizations.FirstOrDefaultAsync(x => x.Id == Id, ct)) is null) return NotFound();
        var parent = Input.ParentId is { } pid ? await db.Organizations.FirstOrDefaultAsync(x => x.Id == pid, ct) : null;
        if (Input.ParentId is not null && parent is null) ModelState.AddModelError("Input.ParentId", text["Choose an existing organisation."]);
        var allowedParents = Input.Kind switch
        {
            OrganizationKind.AgencyCommittee => [],
            OrganizationKind.GeneralBranch => [OrganizationKind.AgencyCommittee],
            OrganizationKind.Branch => new[] { OrganizationKind.AgencyCommittee, OrganizationKind.GeneralBranch },
            _ => [OrganizationKind.Branch],
        };
        if (Input.Kind == OrganizationKind.AgencyCommittee && parent is not null)
            ModelState.AddModelError("Input.ParentId", text["The agency's Party committee has no parent organisation."]);
        else if (Input.Kind != OrganizationKind.AgencyCommittee && (parent is null || !allowedParents.Contains(parent.Kind)))
            ModelState.AddModelError("Input.ParentId", text["A {0} belongs under: {1}.", labels.Kind(Input.Kind), string.Join("、", allowedParents.Select(labels.Kind))]);
        if (existing is not null && parent is not null && parent.Path.StartsWith(existing.Path, StringComparison.Ordinal))
            ModelState.AddModelError("Input.ParentId", text["An organisation cannot be placed under itself or its own sub-organisation."]);
        if (Input.Kind == OrganizationKind.AgencyCommittee && await db.Organizations.AnyAsync(o => o.Kind == OrganizationKind.AgencyCommittee && o.Id != (Id ?? 0), ct))
            ModelState.AddModelError("Input.Kind", text["The agency already has a Party committee."]);
        if (Input.IsWindowBranch && Input.Kind != OrganizationKind.Branch)
            ModelState.AddModelError("Input.IsWindowBranch", text["Only a branch can be a window branch."]);
        if (Input.TermStart is { } start)
        {
            var years = OrganizationWarnings.TermYears(Input.Kind);
            Input.TermEnd ??= start.AddYears(years);
            if (Input.TermEnd <= start) ModelState.AddModelError("Input.TermEnd", text["The term must end after it starts."]);
            else if (Input.TermEnd < start.AddYears(years - 1) || Input.TermEnd > start.AddYears(years + 1))
                ModelState.AddModelError("Input.TermEnd", text["A term of {0} years may be lengthened or shortened by at most one year.", years]);
        }
        else if (Input.TermEnd is not null) ModelState.AddModelError("Input.TermStart", text["Enter when the term started."]);
        if (!ModelState.IsValid) return Page();

        var org = existing ?? new Organization();
        if (existing is not null) db.Entry(org).Property(o => o.Version).OriginalValue = Input.Version;
        var oldPath = org.Path;
        org.Name = Input.Name;
        org.Kind = Input.Kind;
        org.ParentId = parent?.Id;
        org.IsWindowBranch = Input.IsWindowBranch;
        org.TermStart = Input.TermStart;
        org.TermEnd = Input.TermEnd;
        if (existing is null) db.Organizations.Add(org);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await this.TrySaveAsync(db, ct)) return Page();
            org.Path = (parent?.Path ?? "/") + org.Id + "/";
            if (existing is not null && oldPath != org.Path)
            {
                // Moving: every descendant's path follows.
                foreach (var d in await db.Organizations.Where(o => o.Path.StartsWith(oldPath) && o.Id != org.Id).ToListAsync(ct))
                    d.Path = org.Path + d.Path[oldPath.Length..];
            }
            if (!await this.TrySaveAsync(db, ct)) return Page();
            await tx.CommitAsync(ct);
        }
        return this.RedirectWithMessage(text["Saved."], "Details", new { id = org.Id });
    }
}
