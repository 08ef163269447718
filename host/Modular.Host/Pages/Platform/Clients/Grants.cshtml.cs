using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Host.Oidc;
using Modular.Host.Shell.Navigation;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Pages.Platform.Clients;

/// <summary>The permissions an application (client credentials) holds in each agency it serves.</summary>
public sealed class GrantsModel(ClientService clients, ApplicationGrants grants, HostDbContext db, ModuleGate gate, IText text) : PageModel
{
    public ClientForm Client { get; private set; } = new();
    public IReadOnlyList<AgencyChoice> Agencies { get; private set; } = [];
    public IReadOnlyList<IGrouping<string, ApplicationGrants.Declared>> Modules { get; private set; } = [];
    public Dictionary<int, SortedSet<string>> Granted { get; private set; } = [];
    /// <summary>The agency whose form was posted with an error (its ticks are kept as posted).</summary>
    public int? FailedAgency { get; private set; }

    public bool IsOn(int agencyId, string moduleId) => gate.IsEnabled(agencyId, moduleId);

    private async Task<bool> LoadAsync(string? clientId, CancellationToken ct)
    {
        var client = await clients.LoadAsync(clientId, ct);
        var granted = await grants.LoadAsync(clientId, ct);
        if (client is null || granted is null) return false;
        Client = client;
        Granted = granted;
        // Client-credentials applications are always limited to named agencies (ClientService requires it).
        Agencies = await db.Agencies.AsNoTracking().Where(a => client.Agencies.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new AgencyChoice(a.Id, a.Name)).ToListAsync(ct);
        Modules = grants.DeclaredPermissions().GroupBy(d => d.ModuleId).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string? clientId, CancellationToken ct) =>
        await LoadAsync(clientId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? clientId, int agencyId, List<string>? permissions, CancellationToken ct)
    {
        if (!await LoadAsync(clientId, ct)) return NotFound();
        var wanted = (permissions ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct().ToList();
        foreach (var (field, message) in await grants.ValidateAsync(Client.ClientId, agencyId, wanted, ct))
            ModelState.AddModelError($"{field}-{agencyId}", message);
        if (!ModelState.IsValid)
        {
            FailedAgency = agencyId;
            Granted[agencyId] = new SortedSet<string>(wanted, StringComparer.Ordinal);
            return Page();
        }
        await grants.SaveAsync(Client.ClientId, agencyId, wanted, ct);
        return this.RedirectWithMessage(text["Saved."], null, new { clientId = Client.ClientId });
    }
}
