using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Host.Pages.Account;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() { }
}
