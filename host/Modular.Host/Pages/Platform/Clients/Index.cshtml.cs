using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Oidc;

namespace Modular.Host.Pages.Platform.Clients;

public sealed class IndexModel(ClientService clients) : PageModel
{
    public IReadOnlyList<ClientService.ClientRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await clients.ListAsync(ct);
}
