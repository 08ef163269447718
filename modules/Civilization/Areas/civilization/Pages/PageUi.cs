using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modular.Modules.Civilization.Pages;

/// <summary>What the module's pages share: the rules' problems as the pages show them.</summary>
public static class PageUi
{
    /// <summary>Puts the problems into ModelState under <paramref name="prefix"/> + field, in the user's language (a stale page: the portal's one message).</summary>
    public static void AddProblems(this ModelStateDictionary modelState, IEnumerable<Problem> problems, IStringLocalizer T, string prefix = "")
    {
        foreach (var p in problems)
            modelState.AddModelError(prefix + p.Field, p.Message == ItemRules.Stale ? PageOutcomes.ChangedByOthers.Current : T[p.Message, p.Args]);
    }
}
